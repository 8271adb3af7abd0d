"""Who may manage the workspace's integrations."""

from docket.core.access import Access
from docket.core.roles import Role


def ensure_can_manage_webhooks(access: Access) -> None:
    """Admins and owners only: an endpoint's URL often carries a receiver's credential."""
    access.ensure_role(Role.ADMIN, action="manage webhooks")
