"""Password rules of our own, run with Django's validators (settings.AUTH_PASSWORD_VALIDATORS)."""

from typing import Any

from django.core.exceptions import ValidationError


class NotBlankValidator:
    """Whitespace is not a password, however long."""

    def validate(self, password: str, user: Any = None) -> None:
        if not password.strip():
            raise ValidationError("The password cannot be only spaces.", code="password_blank")

    def get_help_text(self) -> str:
        return "Your password cannot be only spaces."


class NotTheEmailValidator:
    """Django's similarity check compares with the whole address; the part before the @ alone
    (`alice.smith` for alice.smith@example.com) is the first guess anyone makes."""

    def validate(self, password: str, user: Any = None) -> None:
        email = (getattr(user, "email", "") or "").lower()
        local_part = email.split("@", 1)[0]
        guess = password.strip().lower()
        if local_part and guess in (local_part, email):
            raise ValidationError(
                "The password cannot be your email address or its name part.",
                code="password_is_email",
            )

    def get_help_text(self) -> str:
        return "Your password cannot be your email address."
