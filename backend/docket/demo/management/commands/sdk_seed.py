"""A small tenant for the Python SDK's integration tests (make sdk-test).

Prints one JSON object: the workspace slug, the project key, and the secrets of a `write` and a
`read` personal access token of the workspace's owner. The tests talk to the live server with
those tokens only, through the SDK.
"""

import json

from django.core.management.base import BaseCommand

from docket.accounts.models import User
from docket.core.scopes import LEGACY_SCOPES
from docket.projects.access import access_from_membership
from docket.projects.services import project_create
from docket.workspaces.services import token_create, workspace_create


class Command(BaseCommand):
    help = "Create workspace `sdk` (project SDK) and print two of its owner's tokens as JSON."

    def handle(self, *args, **options) -> None:
        user = User.objects.create_user(
            "sdk@example.com", "sdk-owner-password-0", display_name="SDK Owner"
        )
        membership = workspace_create(actor=user, slug="sdk", name="SDK")
        access = access_from_membership(membership)
        project = project_create(access=access, key="SDK", name="SDK integration")
        tokens = {
            scope: token_create(
                actor=user,
                workspace_slug="sdk",
                name=f"sdk-test {scope}",
                scopes=LEGACY_SCOPES[scope],
                expires_at=None,
            ).secret
            for scope in ("write", "read")
        }
        self.stdout.write(
            json.dumps(
                {
                    "workspace": membership.workspace.slug,
                    "project": project.key,
                    "write_token": tokens["write"],
                    "read_token": tokens["read"],
                }
            )
        )
