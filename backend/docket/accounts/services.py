"""Accounts: registration, profile changes and refresh-token sessions."""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial

import structlog
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.tokens import RefreshToken

from docket.accounts.backoff import sign_in_failed, sign_in_succeeded, sign_in_wait_seconds
from docket.accounts.models import RefreshSession, User
from docket.core.errors import (
    FieldError,
    PermissionDenied,
    TooManyAttempts,
    Unauthenticated,
    ValidationFailed,
)
from docket.core.user_sockets import user_sockets_close

logger = structlog.get_logger(__name__)

_VALID_TIMEZONES = frozenset(zoneinfo.available_timezones())


@dataclass(frozen=True)
class IssuedTokens:
    user: User
    access: str
    access_expires_at: datetime
    refresh: str
    refresh_expires_at: datetime


def _validate_timezone(value: str) -> None:
    if value not in _VALID_TIMEZONES:
        raise ValidationFailed.for_field(
            "timezone", "invalid_timezone", "Use an IANA time zone name such as Europe/Lisbon."
        )


def _ensure_strong(password: str, *, user: User, field: str) -> None:
    """Django's validators and ours (settings.AUTH_PASSWORD_VALIDATORS), each failure with the
    validator's own code (password_too_similar, password_too_common, ...)."""
    try:
        validate_password(password, user=user)
    except DjangoValidationError as exc:
        raise ValidationFailed(
            "The password is too weak.",
            errors=[
                FieldError(field, error.code or "weak_password", " ".join(error.messages))
                for error in exc.error_list
            ],
        ) from exc


def user_register(*, email: str, password: str, display_name: str, timezone_name: str) -> User:
    """Create an account. Raises ValidationFailed for a taken email, weak password or bad zone."""
    email = email.strip().lower()
    _validate_timezone(timezone_name)
    candidate = User(email=email, display_name=display_name.strip(), timezone=timezone_name)
    _ensure_strong(password, user=candidate, field="password")
    candidate.set_password(password)
    try:
        with transaction.atomic():
            candidate.save(force_insert=True)
    except IntegrityError as exc:
        raise ValidationFailed.for_field(
            "email", "email_taken", "An account with this email already exists."
        ) from exc
    return candidate


def user_update(
    *, actor: User, display_name: str | None = None, timezone_name: str | None = None
) -> User:
    """Change the caller's own profile."""
    if timezone_name is not None:
        _validate_timezone(timezone_name)
        actor.timezone = timezone_name
    if display_name is not None:
        actor.display_name = display_name.strip()
    actor.save(update_fields=["display_name", "timezone"])
    return actor


def _issue(session: RefreshSession, user: User) -> IssuedTokens:
    refresh = RefreshToken.for_user(user)
    refresh["sid"] = str(session.id)
    session.current_jti = str(refresh["jti"])
    session.rotated_at = datetime.fromtimestamp(refresh["iat"], tz=UTC)
    return _signed(refresh, user)


def _reissue_current(session: RefreshSession, user: User, *, issued_at: datetime) -> IssuedTokens:
    """The session's current refresh token again, byte for byte (same claims in the same order,
    signed with the same key), and a fresh access token: what the first of two concurrent
    refreshes received."""
    refresh = RefreshToken.for_user(user)
    iat = int(issued_at.timestamp())
    refresh["exp"] = iat + int(RefreshToken.lifetime.total_seconds())
    refresh["iat"] = iat
    refresh["jti"] = session.current_jti
    refresh["sid"] = str(session.id)
    return _signed(refresh, user)


def _within_grace(session: RefreshSession, jti: str, rotated_at: datetime) -> bool:
    return (
        bool(session.previous_jti)
        and session.previous_jti == jti
        and timezone.now() - rotated_at <= settings.REFRESH_REUSE_GRACE
    )


def _signed(refresh: RefreshToken, user: User) -> IssuedTokens:
    access = refresh.access_token
    return IssuedTokens(
        user=user,
        access=str(access),
        access_expires_at=datetime.fromtimestamp(access["exp"], tz=UTC),
        refresh=str(refresh),
        refresh_expires_at=datetime.fromtimestamp(refresh["exp"], tz=UTC),
    )


def _holds_live_session(email: str, raw_refresh: str | None) -> bool:
    """Whether `raw_refresh` is a refresh token of a live session of the account `email`: a
    client the owner signed in from before, whom the backoff of guesses from elsewhere must not
    shut out. Decided before the password is looked at, so the answer's timing says nothing
    about it."""
    if not raw_refresh:
        return False
    try:
        token = RefreshToken(raw_refresh)  # type: ignore[arg-type]  # the stubs omit str
    except TokenError:
        return False
    return (
        RefreshSession.objects.using("default")
        .filter(
            id=token.get("sid"),
            user__email=email,
            user__is_active=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .exists()
    )


def session_start(
    *, email: str, password: str, user_agent: str = "", known_refresh: str | None = None
) -> IssuedTokens:
    """Sign in with email and password. Raises Unauthenticated with one message for any failure,
    so the answer does not reveal which accounts exist. Failed attempts on an account, from any
    address, back off (docket.accounts.backoff): while it is closed, TooManyAttempts
    (`sign_in_backoff`) whatever the password, unless `known_refresh` is a refresh token of a
    live session of the account (the owner is never locked out by someone else's guesses)."""
    email = email.strip().lower()
    wait = sign_in_wait_seconds(email)
    if wait and not _holds_live_session(email, known_refresh):
        raise TooManyAttempts(
            f"Too many failed sign-ins to this account; retry after {wait} s.",
            code="sign_in_backoff",
            retry_after=wait,
        )
    user = authenticate(email=email, password=password)
    if user is None or not user.is_active:
        sign_in_failed(email)
        raise Unauthenticated("Email or password is incorrect.", code="invalid_credentials")
    if not wait:
        # Not while the account is closed: the owner signing in on a known device must not
        # hand the guesser a fresh set of free failures.
        sign_in_succeeded(email)
    with transaction.atomic():
        session = RefreshSession(
            user=user,
            current_jti="",
            expires_at=timezone.now() + RefreshToken.lifetime,
            user_agent=user_agent[:256],
        )
        tokens = _issue(session, user)
        session.save(force_insert=True)
    return tokens


def _decode_refresh(raw_token: str) -> RefreshToken:
    try:
        return RefreshToken(raw_token)  # type: ignore[arg-type]  # the stubs omit str
    except TokenError as exc:
        raise Unauthenticated(
            "The refresh token is invalid or expired.", code="token_not_valid"
        ) from exc


def session_refresh(*, raw_token: str) -> IssuedTokens:
    """Exchange a refresh token for a new pair; the old refresh token stops working.

    A token that was already rotated away is evidence of theft: the whole session is revoked
    (committed before the 401 is raised), so neither the thief nor the owner can continue it.
    One exception: the token rotated away last, presented again within
    settings.REFRESH_REUSE_GRACE, gets the same successor (two tabs refreshing at once, a retry
    after a lost response). The row lock serializes concurrent refreshes, so the second one
    always sees the first one's rotation.
    """
    token = _decode_refresh(raw_token)
    reused = False
    with transaction.atomic():
        session = (
            RefreshSession.objects.select_for_update()
            .select_related("user")
            .filter(id=token.get("sid"))
            .first()
        )
        if session is None or session.revoked_at is not None or not session.user.is_active:
            raise Unauthenticated("This session has ended; sign in again.", code="token_revoked")
        rotated_at = session.rotated_at
        if rotated_at is not None and _within_grace(session, str(token["jti"]), rotated_at):
            tokens = _reissue_current(session, session.user, issued_at=rotated_at)
        elif session.current_jti != str(token["jti"]):
            session.revoked_at = timezone.now()
            session.revoked_reason = "reuse_detected"
            session.save(update_fields=["revoked_at", "revoked_reason"])
            reused = True
        else:
            session.previous_jti = session.current_jti
            tokens = _issue(session, session.user)
            session.last_used_at = timezone.now()
            session.save(
                update_fields=["previous_jti", "current_jti", "rotated_at", "last_used_at"]
            )
    if reused:
        raise Unauthenticated(
            "This refresh token was already used; the session has been ended.",
            code="token_reused",
        )
    return tokens


def session_end(*, raw_token: str) -> None:
    """Sign out: revoke the session the refresh token belongs to, and close the person's live
    sockets (a socket is not tied to one session: the others reconnect with a fresh ticket).
    Idempotent."""
    token = _decode_refresh(raw_token)
    with transaction.atomic():
        live = RefreshSession.objects.select_for_update().filter(
            id=token.get("sid"), revoked_at__isnull=True
        )
        owners = list(live.values_list("user_id", flat=True))
        live.update(revoked_at=timezone.now(), revoked_reason="logout")
        for owner in owners:
            transaction.on_commit(partial(user_sockets_close, user_id=owner, reason="signed out"))


def user_change_password(*, actor: User, current_password: str, new_password: str) -> None:
    """Change the caller's password. The current one must be given; the new one passes every
    validator. Every session of the caller ends (refresh tokens revoked), so a stolen one stops
    working; the caller signs in again."""
    if not actor.check_password(current_password):
        raise ValidationFailed.for_field(
            "current_password", "wrong_password", "The current password is not right."
        )
    _ensure_strong(new_password, user=actor, field="new_password")
    with transaction.atomic():
        actor.set_password(new_password)
        actor.save(update_fields=["password"])
        RefreshSession.objects.filter(user=actor, revoked_at__isnull=True).update(
            revoked_at=timezone.now(), revoked_reason="password_changed"
        )
        transaction.on_commit(
            partial(user_sockets_close, user_id=actor.pk, reason="password changed")
        )


def user_deactivate(*, actor: User | None, target: User) -> bool:
    """Deactivate an account: staff only (`actor` None is an operator at the console, see the
    `deactivate_user` command). In one transaction the account stops being active and every
    refresh session of it is revoked; once that commits, its sockets are closed. From then on
    nothing of it works: sign-in, access tokens and personal access tokens check `is_active` on
    the primary, and a realtime ticket issued before is refused when redeemed. Idempotent;
    returns whether the account was active. Raises PermissionDenied for anyone but staff."""
    if actor is not None and not (actor.is_active and actor.is_staff):
        raise PermissionDenied("Only staff may deactivate accounts.", code="staff_required")
    with transaction.atomic():
        was_active = User.objects.filter(pk=target.pk, is_active=True).update(is_active=False) > 0
        target.is_active = False
        RefreshSession.objects.filter(user=target, revoked_at__isnull=True).update(
            revoked_at=timezone.now(), revoked_reason="deactivated"
        )
        transaction.on_commit(
            partial(user_sockets_close, user_id=target.pk, reason="account deactivated")
        )
    logger.info(
        "user_deactivated",
        target_id=str(target.pk),
        actor_id=str(actor.pk) if actor else None,
        was_active=was_active,
    )
    return was_active
