"""Writes for workspaces, memberships and invitations. Each runs in one transaction and records
its event in it. Every service but the two that make a membership takes the caller's `Access`."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import structlog
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.crypto import salted_hmac

from docket.accounts.models import User
from docket.core.access import Access, TokenGrant
from docket.core.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    Unauthenticated,
    ValidationFailed,
)
from docket.core.events import diff, emit, new_event
from docket.core.mail import NotToBeSent, mail_delivery_send, pending_mail_deliveries
from docket.core.purges import workspace_purge_request
from docket.core.rows import lock_existing
from docket.core.scopes import ALL_SCOPES, legacy_scope_of, stored_scopes
from docket.workspaces import events
from docket.workspaces.models import (
    RESERVED_SLUGS,
    SLUG_PATTERN,
    Invitation,
    InvitationEmail,
    Membership,
    PersonalAccessToken,
    Role,
    TokenScope,
    Workspace,
)
from docket.workspaces.oauth import oauth_tokens_revoke_for_member
from docket.workspaces.permissions import (
    can_grant,
    ensure_can_change_workspace,
    ensure_can_delete_workspace,
    ensure_can_invite,
    ensure_can_manage_member,
    ensure_can_remove_member,
)
from docket.workspaces.selectors import live_tokens

logger = structlog.get_logger(__name__)


def _validate_slug(slug: str) -> str:
    slug = slug.strip().lower()
    if not re.match(SLUG_PATTERN, slug) or slug in RESERVED_SLUGS:
        raise ValidationFailed.for_field(
            "slug",
            "invalid_slug",
            "Use 1-40 lower-case letters, digits and inner hyphens; some words are reserved.",
        )
    return slug


def _slug_taken() -> ValidationFailed:
    return ValidationFailed.for_field("slug", "slug_taken", "This slug is already taken.")


def _ensure_same_workspace(access: Access, workspace: Workspace) -> None:
    if workspace.pk != access.workspace_id:
        raise NotFound("Workspace not found.", code="workspace_not_found")


def _lock_quota_of(user: User) -> None:
    """Serialize one person's creations of a limited kind: the count a quota reads stays true
    until the new row commits (two concurrent creations cannot both take the last place)."""
    User.objects.select_for_update().filter(pk=user.pk).exists()


def _quota_reached(what: str, limit: int) -> str:
    return f"You have reached the limit of {limit} {what} per person."


def workspace_create(*, actor: User, slug: str, name: str) -> Membership:
    """Create a workspace; the creator becomes its owner. Returns the creator's membership.
    Raises Conflict (`workspace_quota_exceeded`) when the actor already owns
    settings.MAX_WORKSPACES_PER_USER live workspaces."""
    slug = _validate_slug(slug)
    try:
        with transaction.atomic():
            _lock_quota_of(actor)
            owned = Membership.objects.filter(
                user=actor, role=Role.OWNER, workspace__deleted_at__isnull=True
            ).count()
            if owned >= settings.MAX_WORKSPACES_PER_USER:
                raise Conflict(
                    _quota_reached("owned workspaces", settings.MAX_WORKSPACES_PER_USER),
                    code="workspace_quota_exceeded",
                )
            workspace = Workspace.objects.create(slug=slug, name=name.strip())
            membership = Membership.objects.create(workspace=workspace, user=actor, role=Role.OWNER)
            emit(
                new_event(
                    events.WORKSPACE_CREATED,
                    actor=actor,
                    workspace_id=workspace.pk,
                    subject_id=workspace.pk,
                    subject_label=workspace.slug,
                    changes=diff({}, {"slug": slug, "name": workspace.name}),
                )
            )
    except IntegrityError as exc:
        raise _slug_taken() from exc
    return membership


def workspace_update(
    *, access: Access, workspace: Workspace, slug: str | None = None, name: str | None = None
) -> Workspace:
    """Rename a workspace or change its slug. Admins and owners."""
    ensure_can_change_workspace(access)
    _ensure_same_workspace(access, workspace)
    before = {"slug": workspace.slug, "name": workspace.name}
    if slug is not None:
        workspace.slug = _validate_slug(slug)
    if name is not None:
        workspace.name = name.strip()
    changes = diff(before, {"slug": workspace.slug, "name": workspace.name})
    if not changes:
        return workspace
    try:
        with transaction.atomic():
            lock_existing(workspace, message="Workspace not found.", code="workspace_not_found")
            workspace.save(update_fields=["slug", "name", "updated_at"])
            emit(
                new_event(
                    events.WORKSPACE_UPDATED,
                    access=access,
                    subject_id=workspace.pk,
                    subject_label=workspace.slug,
                    changes=changes,
                )
            )
    except IntegrityError as exc:
        workspace.refresh_from_db()
        raise _slug_taken() from exc
    return workspace


def workspace_delete(*, access: Access, workspace: Workspace) -> None:
    """Delete a workspace and everything in it. Owners only. Records workspace.deleted, the one
    event its consumers need: every row of the tenant goes with it.

    A soft delete that answers at once, whatever the tenant's size: it sets `deleted_at`, after
    which the workspace is gone for everyone (no access resolves to it) and its slug is free
    again. Once this commits, the purge task the issues app registered (docket.core.purges)
    removes the rows in batches.
    NotFound if it is already deleted."""
    ensure_can_delete_workspace(access)
    _ensure_same_workspace(access, workspace)
    with transaction.atomic():
        now = timezone.now()
        marked = Workspace.objects.filter(pk=workspace.pk, deleted_at__isnull=True).update(
            deleted_at=now, updated_at=now
        )
        if not marked:
            raise NotFound("Workspace not found.", code="workspace_not_found")
        workspace.deleted_at = now
        emit(
            new_event(
                events.WORKSPACE_DELETED,
                access=access,
                subject_id=workspace.pk,
                subject_label=workspace.slug,
                changes={"slug": {"old": workspace.slug, "new": None}},
            )
        )
        workspace_id = workspace.pk
        transaction.on_commit(lambda: workspace_purge_request(workspace_id))


def _lock_owners(workspace_id: uuid.UUID) -> list[Membership]:
    # Locking every owner row serializes concurrent demotions and removals, so two owners can
    # never demote each other at the same moment and leave the workspace with none.
    return list(
        Membership.objects.select_for_update()
        .filter(workspace_id=workspace_id, role=Role.OWNER)
        .order_by("id")
    )


def member_change_role(*, access: Access, target: Membership, role: Role) -> Membership:
    """Change a member's role. The last owner can't be demoted; only owners touch owners."""
    access.ensure_in_workspace(target)
    ensure_can_manage_member(access, target, new_role=role)
    if target.role == role:
        return target
    with transaction.atomic():
        owners = _lock_owners(access.workspace_id)
        if target.role == Role.OWNER and len(owners) <= 1:
            raise Conflict(
                "The last owner cannot be demoted; make someone else owner first.",
                code="last_owner",
            )
        lock_existing(target, message="Member not found.", code="member_not_found")
        old_role = target.role
        target.role = role
        target.save(update_fields=["role", "updated_at"])
        emit(
            new_event(
                events.MEMBER_ROLE_CHANGED,
                access=access,
                subject_id=target.pk,
                subject_label=target.user.display_name,
                changes={
                    "role": {"old": old_role, "new": role},
                    "user_id": {"old": None, "new": str(target.user_id)},
                },
            )
        )
    return target


def member_remove(*, access: Access, target: Membership) -> None:
    """Remove someone from the workspace, or leave it oneself. The last owner stays. Their
    personal access tokens for this workspace are revoked in the same transaction, not merely
    suspended: a token must not come back to life when its owner is invited again."""
    access.ensure_in_workspace(target)
    ensure_can_remove_member(access, target)
    with transaction.atomic():
        owners = _lock_owners(access.workspace_id)
        if target.role == Role.OWNER and len(owners) <= 1:
            raise Conflict(
                "The last owner cannot be removed; make someone else owner first.",
                code="last_owner",
            )
        emit(
            new_event(
                events.MEMBER_REMOVED,
                access=access,
                subject_id=target.pk,
                subject_label=target.user.display_name,
                changes={
                    "role": {"old": target.role, "new": None},
                    "user_id": {"old": str(target.user_id), "new": None},
                },
            )
        )
        PersonalAccessToken.objects.filter(
            user_id=target.user_id, workspace_id=access.workspace_id, revoked_at__isnull=True
        ).update(revoked_at=timezone.now())
        target.delete()
        # Revoked, not suspended: nothing the person installed works again if they return.
        oauth_tokens_revoke_for_member(workspace_id=access.workspace_id, user_id=target.user_id)


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_token(invitation: Invitation) -> str:
    """The invitation's one-time token, rebuilt from its id and salt under the secret key: the
    email task needs only the id, and the database keeps only the token's hash."""
    digest = salted_hmac(
        "docket.workspaces.invitation",
        f"invitation:{invitation.pk}:{invitation.token_salt}",
        algorithm="sha256",
    ).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def invitation_create(*, access: Access, email: str, role: Role) -> tuple[Invitation, str]:
    """Invite an address. Admins and owners; nobody grants a role above their own. Re-inviting
    an address replaces its open invitation. Plans the invitation's email (its accept link),
    sent by the email queue once this commits. Returns the invitation and its one-time token."""
    ensure_can_invite(access)
    if not can_grant(access, role):
        raise PermissionDenied("You cannot grant a role above your own.", code="owner_required")
    email = email.strip().lower()
    if Membership.objects.filter(workspace_id=access.workspace_id, user__email=email).exists():
        raise ValidationFailed.for_field(
            "email", "already_member", "This person is already a member."
        )
    now = timezone.now()
    invitation = Invitation(
        workspace_id=access.workspace_id,
        email=email,
        role=role,
        token_salt=secrets.token_hex(16),
        invited_by=access.user,
        expires_at=now + settings.INVITATION_LIFETIME,
    )
    token = invitation_token(invitation)
    invitation.token_hash = _hash_token(token)
    with transaction.atomic():
        Invitation.objects.filter(
            workspace_id=access.workspace_id,
            email=email,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
        ).update(revoked_at=now)
        invitation.save(force_insert=True)
        delivery = InvitationEmail.objects.create(invitation=invitation)
        emit(
            new_event(
                events.INVITATION_CREATED,
                access=access,
                subject_id=invitation.pk,
                subject_label=email,
                changes={"email": {"old": None, "new": email}, "role": {"old": None, "new": role}},
            )
        )
        transaction.on_commit(lambda: _enqueue_invitation_email(delivery.pk))
    return invitation, token


def _enqueue_invitation_email(delivery_id: int) -> None:
    from docket.workspaces.tasks import send_invitation_email

    try:
        send_invitation_email.delay(delivery_id)
    except Exception:
        # The invitation stands; beat's sweep sends its email once the broker is back.
        logger.warning("email_not_enqueued", exc_info=True)


def invitation_revoke(*, access: Access, invitation: Invitation) -> None:
    """Revoke an open invitation. Admins and owners."""
    access.ensure_role(Role.ADMIN, action="revoke invitations")
    access.ensure_in_workspace(invitation)
    with transaction.atomic():
        lock_existing(invitation, message="Invitation not found.", code="invitation_not_found")
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        emit(
            new_event(
                events.INVITATION_REVOKED,
                access=access,
                subject_id=invitation.pk,
                subject_label=invitation.email,
            )
        )


def invitation_accept(*, actor: User, token: str) -> Membership:
    """Join the workspace the token invites to. Only the owner of the invited address may; an
    unknown, revoked, used or expired token is a 404 so tokens can't be probed."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .select_related("workspace")
            .filter(token_hash=_hash_token(token), workspace__deleted_at__isnull=True)
            .first()
        )
        usable = (
            invitation is not None
            and invitation.revoked_at is None
            and invitation.accepted_at is None
            and invitation.expires_at > timezone.now()
        )
        if invitation is None or not usable:
            raise NotFound(
                "This invitation is not valid or has expired.", code="invitation_invalid"
            )
        if invitation.email.lower() != actor.email.lower():
            raise PermissionDenied(
                "This invitation was sent to another email address.",
                code="invitation_email_mismatch",
            )
        membership, created = Membership.objects.get_or_create(
            workspace=invitation.workspace, user=actor, defaults={"role": invitation.role}
        )
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = actor
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        emit(
            new_event(
                events.INVITATION_ACCEPTED,
                actor=actor,
                workspace_id=invitation.workspace_id,
                subject_id=invitation.pk,
                subject_label=invitation.email,
                changes={
                    "user_id": {"old": None, "new": str(actor.pk)},
                    **({"role": {"old": None, "new": membership.role}} if created else {}),
                },
            )
        )
    return membership


# --- Invitation emails ----------------------------------------------------------------------


def _invitation_message(delivery: InvitationEmail) -> EmailMultiAlternatives:
    invitation = delivery.invitation
    if invitation.workspace.deleted_at is not None:
        raise NotToBeSent("the workspace was deleted")
    if invitation.revoked_at is not None:
        raise NotToBeSent("the invitation was revoked or replaced")
    if invitation.accepted_at is not None:
        raise NotToBeSent("the invitation was already accepted")
    if invitation.expires_at <= timezone.now():
        raise NotToBeSent("the invitation expired")
    token = invitation_token(invitation)
    if not invitation.token_salt or _hash_token(token) != invitation.token_hash:
        # Made before tokens were derived, or the secret key changed since: a dead link.
        raise NotToBeSent("its token cannot be rebuilt")
    inviter = invitation.invited_by.display_name if invitation.invited_by else "Someone"
    context = {
        "inviter": inviter,
        "workspace": invitation.workspace.name,
        "role": Role(invitation.role).label,
        "expires_at": invitation.expires_at,
        # In the fragment: a browser never sends it to a server or puts it in a Referer.
        "link": f"{settings.APP_BASE_URL}/invite#token={token}",
    }
    message = EmailMultiAlternatives(
        subject=f"{inviter} invited you to {invitation.workspace.name} on Docket"[:200],
        body=render_to_string("workspaces/email/invitation.txt", context),
        to=[invitation.email],
    )
    message.attach_alternative(
        render_to_string("workspaces/email/invitation.html", context), "text/html"
    )
    return message


def invitation_email_send(*, delivery_id: int) -> str:
    """Send one invitation's email, at least once; an invitation revoked, replaced, accepted or
    expired before its turn is not sent (see docket.core.mail.mail_delivery_send for what it
    returns and raises)."""
    return mail_delivery_send(
        deliveries=InvitationEmail.objects.select_related(
            "invitation__workspace", "invitation__invited_by"
        ),
        delivery_id=delivery_id,
        compose=_invitation_message,
    )


def pending_invitation_emails() -> list[int]:
    """Invitation emails still pending a while after they were planned: their ask was lost."""
    return list(pending_mail_deliveries(InvitationEmail.objects.all()).values_list("pk", flat=True))


# --- Personal access tokens ----------------------------------------------------------------

# Recognisable, so secret scanners can find a leaked token (and we can tell it from a JWT).
TOKEN_PREFIX = "dkt_pat_"  # noqa: S105  # a public marker, not a secret
TOKEN_MAX_LIFETIME = timedelta(days=366)
# last_used_at is a hint for the owner, not an audit log: one write a minute per token at most.
TOKEN_LAST_USED_RESOLUTION = timedelta(minutes=1)


@dataclass(frozen=True)
class CreatedToken:
    token: PersonalAccessToken
    secret: str  # shown once; only its hash is stored


def _hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def token_create(
    *,
    actor: User,
    workspace_slug: str,
    name: str,
    scopes: Iterable[str],
    expires_at: datetime | None,
) -> CreatedToken:
    """Create a personal access token of `actor` for one of their workspaces, holding `scopes`
    (docket.core.scopes; at least one). Any member may (the token never reaches further than
    its owner). Returns the secret, which is not stored
    and cannot be shown again. Raises ValidationFailed for a workspace the actor is not a member
    of (the same answer as a missing one) and for an expiry in the past or over a year away;
    Conflict (`token_quota_exceeded`) when the actor already has settings.MAX_TOKENS_PER_USER
    live (unrevoked, unexpired) tokens."""
    membership = (
        Membership.objects.select_related("workspace")
        .filter(
            user=actor,
            workspace__slug=workspace_slug.strip().lower(),
            workspace__deleted_at__isnull=True,
        )
        .first()
    )
    if membership is None:
        raise ValidationFailed.for_field(
            "workspace", "workspace_not_found", "You are not a member of a workspace by this slug."
        )
    now = timezone.now()
    if expires_at is not None and expires_at <= now:
        raise ValidationFailed.for_field(
            "expires_at", "expiry_in_past", "The expiry must be in the future."
        )
    if expires_at is not None and expires_at > now + TOKEN_MAX_LIFETIME:
        raise ValidationFailed.for_field(
            "expires_at", "expiry_too_far", "A token may live at most a year."
        )
    held = sorted(set(scopes))
    unknown = [scope for scope in held if scope not in ALL_SCOPES]
    if not held or unknown:
        raise ValidationFailed.for_field(
            "scopes", "invalid_scope", f"Unknown or missing scopes: {', '.join(unknown) or '[]'}."
        )
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        _lock_quota_of(actor)
        live = (
            PersonalAccessToken.objects.filter(user=actor, revoked_at__isnull=True)
            .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
            .count()
        )
        if live >= settings.MAX_TOKENS_PER_USER:
            raise Conflict(
                _quota_reached("live tokens", settings.MAX_TOKENS_PER_USER),
                code="token_quota_exceeded",
            )
        token = PersonalAccessToken.objects.create(
            user=actor,
            workspace=membership.workspace,
            name=name.strip(),
            scopes=held,
            scope=TokenScope(legacy_scope_of(held)),
            prefix=secret[: len(TOKEN_PREFIX) + 4],
            secret_hash=_hash_secret(secret),
            expires_at=expires_at,
        )
    logger.info("personal_token_created", token_id=str(token.pk), scopes=held)
    return CreatedToken(token=token, secret=secret)


def token_revoke(*, actor: User, token: PersonalAccessToken) -> None:
    """Revoke one of the actor's tokens (load it with token_get). Idempotent. Like token_create,
    it records no tenant event (a person's own credential; see the event-log test)."""
    if token.user_id != actor.pk:
        raise NotFound("Token not found.", code="token_not_found")
    PersonalAccessToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    logger.info("personal_token_revoked", token_id=str(token.pk))


def token_authenticate(*, secret: str) -> tuple[User, TokenGrant]:
    """The owner and the grant of a presented secret. One query, on the primary (a revocation
    counts at once, whatever the replica lag). Raises Unauthenticated (`token_not_valid`, one
    answer for every case) when the token is unknown, revoked or expired, its owner deactivated
    or no longer a member of its workspace. Records the use at most once a minute per token: a
    conditional UPDATE, so concurrent requests write once."""
    now = timezone.now()
    token = live_tokens().select_related("user").filter(secret_hash=_hash_secret(secret)).first()
    if token is None:
        raise Unauthenticated("The token is invalid, expired or revoked.", code="token_not_valid")
    stale = now - TOKEN_LAST_USED_RESOLUTION
    if token.last_used_at is None or token.last_used_at <= stale:
        PersonalAccessToken.objects.filter(pk=token.pk).filter(
            Q(last_used_at__isnull=True) | Q(last_used_at__lte=stale)
        ).update(last_used_at=now)
    grant = TokenGrant(
        token_id=token.pk,
        workspace_id=token.workspace_id,
        scopes=stored_scopes(token.scopes, token.scope),
    )
    return token.user, grant
