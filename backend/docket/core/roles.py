"""Workspace roles: the vocabulary every access rule is written in.

Defined in core (not in the workspaces app) because the access object, which every app's services
take, speaks in roles; `docket.workspaces.models` re-exports them for the model layer.
"""

from django.db import models


class Role(models.TextChoices):
    OWNER = "owner", "Owner"
    ADMIN = "admin", "Admin"
    MEMBER = "member", "Member"
    GUEST = "guest", "Guest"


ROLE_RANK = {Role.GUEST: 0, Role.MEMBER: 1, Role.ADMIN: 2, Role.OWNER: 3}
