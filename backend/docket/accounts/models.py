from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone as django_timezone

from docket.core.ids import uuid7


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def get_by_natural_key(self, username: str | None) -> "User":
        return self.get(email=(username or "").strip().lower())

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> "User":
        user = self.model(email=email.strip().lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> "User":
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Email (stored lower-case) is the login; the display name is what others see."""

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    # Stored lower-cased (see UserManager and user_register), so plain uniqueness is enough.
    email = models.EmailField(max_length=254, unique=True)
    display_name = models.CharField(max_length=100)
    timezone = models.CharField(max_length=64, default="UTC")
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=django_timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    def __str__(self) -> str:
        return self.email


class RefreshSession(models.Model):
    """One signed-in session: the family of refresh tokens rotated from one login.

    Only the newest token of a family (`current_jti`) may be used. Presenting an older one means
    a copy is in someone else's hands, so the whole family is revoked; except the token rotated
    away last (`previous_jti`), within a short grace window after `rotated_at`: two tabs or a
    retried request refreshing at once get the same successor instead of ending the session.
    """

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="refresh_sessions")
    current_jti = models.CharField(max_length=64)
    # The token `current_jti` replaced, and when (the `iat` of the current token, so the
    # successor can be re-signed byte for byte within the grace window).
    previous_jti = models.CharField(max_length=64, blank=True, db_default="")
    rotated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.CharField(max_length=32, blank=True)
    user_agent = models.CharField(max_length=256, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "created_at"], name="refresh_session_user_idx")]

    def __str__(self) -> str:
        return f"session {self.id} of {self.user_id}"
