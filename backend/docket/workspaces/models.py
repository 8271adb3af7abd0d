from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower

from docket.core.ids import uuid7
from docket.core.models import BaseModel, MailDelivery, mail_delivery_rules
from docket.core.roles import ROLE_RANK, Role
from docket.core.scopes import stored_scopes

SLUG_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$"
RESERVED_SLUGS = frozenset({"api", "admin", "auth", "me", "new", "settings", "static", "www"})


class Workspace(BaseModel):
    """The tenant. Every tenant-owned row carries `workspace_id`.

    Deleting one sets `deleted_at`: from then on it is gone for everyone (access resolution
    skips it) and its slug is free again, while a background task purges its rows in batches.
    """

    slug = models.CharField(max_length=40, validators=[RegexValidator(SLUG_PATTERN)])
    name = models.CharField(max_length=100)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # Only live workspaces own their slug: a deleted one's is reusable at once.
            models.UniqueConstraint(
                fields=["slug"],
                condition=models.Q(deleted_at__isnull=True),
                name="workspace_slug_live_unique",
            ),
        ]
        indexes = [
            # The purge sweep's scan: only rows waiting for their purge are in it.
            models.Index(
                fields=["deleted_at"],
                condition=models.Q(deleted_at__isnull=False),
                name="workspace_deleted_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.slug


class Membership(BaseModel):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=16, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "user"], name="membership_unique"),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="membership_role_valid"
            ),
        ]
        indexes = [models.Index(fields=["user", "workspace"], name="membership_user_idx")]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.workspace_id} as {self.role}"

    def at_least(self, role: Role) -> bool:
        return ROLE_RANK[Role(self.role)] >= ROLE_RANK[role]


class Invitation(models.Model):
    """An offer to join a workspace, redeemable once by the owner of `email` before it expires.

    Only a hash of the token is stored: a leaked database does not leak usable invitations. The
    token is an HMAC of the id and `token_salt` under the secret key, so the email task rebuilds
    it from the id alone; rows made before the salt existed ("") keep working by their hash.
    """

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(max_length=254)
    role = models.CharField(max_length=16, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    token_salt = models.CharField(max_length=32, blank=True, db_default="")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # One open invitation per address and workspace; re-inviting replaces it.
            models.UniqueConstraint(
                "workspace",
                Lower("email"),
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="invitation_open_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"invitation of {self.email} to {self.workspace_id}"


class InvitationEmail(MailDelivery):
    """The email of one invitation with its accept link, sent exactly once (see MailDelivery)."""

    invitation = models.OneToOneField(Invitation, on_delete=models.CASCADE, related_name="delivery")

    class Meta:
        constraints, indexes = mail_delivery_rules("invitation_email")

    def __str__(self) -> str:
        return f"email of invitation {self.invitation_id}: {self.status}"

    @property
    def message_id(self) -> str:
        return f"<invitation-{self.invitation_id}@docket>"


class TokenScope(models.TextChoices):
    READ = "read", "Read"
    WRITE = "write", "Write"


class PersonalAccessToken(models.Model):
    """A member's key to one workspace, for a bot or a script, so it need not hold a password.

    It acts as its owner, never wider: the owner's role in `workspace`, narrowed to `scopes`
    (docket.core.scopes). `scope` is the first release's two-scope column, still written for
    the previous release while both run (docket.core.scopes.legacy_scope_of) and read for a
    row it wrote meanwhile (`scopes` empty); a later release drops it.

    Only a SHA-256 of the secret is stored (the secret is 256 random bits, so a
    slow password hash would add nothing but a slow lookup on every request); `prefix` is its
    first characters, enough for the owner to recognise a token in a list or a scanner's alert.
    """

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personal_tokens"
    )
    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="personal_tokens"
    )
    name = models.CharField(max_length=100)
    scope = models.CharField(max_length=8, choices=TokenScope.choices)
    scopes = ArrayField(models.CharField(max_length=32), default=list, db_default=[])
    prefix = models.CharField(max_length=16)
    secret_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scope__in=TokenScope.values), name="personal_token_scope_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["user", "created_at"], name="personal_token_user_idx"),
            models.Index(fields=["workspace"], name="personal_token_workspace_idx"),
        ]

    def __str__(self) -> str:
        return f"token {self.prefix}… of {self.user_id} for {self.workspace_id}"

    @property
    def granted_scopes(self) -> list[str]:
        return sorted(stored_scopes(self.scopes, self.scope))


class OAuthApp(models.Model):
    """A third party's OAuth 2.1 app, registered in one workspace by an admin: its client
    (django-oauth-toolkit's Application: authorization code + PKCE only) may be installed by
    the workspace's members, and every token it gets acts in this workspace only, within the
    scopes the member consented to and never beyond the member's role."""

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="oauth_apps")
    client = models.OneToOneField(
        settings.OAUTH2_PROVIDER_APPLICATION_MODEL,
        on_delete=models.CASCADE,
        related_name="docket_app",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["workspace", "created_at"], name="oauth_app_workspace_idx")]

    def __str__(self) -> str:
        return f"oauth app {self.client_id} of {self.workspace_id}"
