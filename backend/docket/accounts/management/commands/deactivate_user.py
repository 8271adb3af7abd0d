"""`manage.py deactivate_user EMAIL`: deactivate an account from the operator's console."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from docket.accounts.models import User
from docket.accounts.services import user_deactivate


class Command(BaseCommand):
    help = "Deactivate an account: its sessions are revoked and its sockets closed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args: Any, **options: Any) -> None:
        target = User.objects.using("default").filter(email=options["email"].strip().lower())
        user = target.first()
        if user is None:
            raise CommandError(f"No account with the address {options['email']!r}.")
        was_active = user_deactivate(actor=None, target=user)
        self.stdout.write("deactivated" if was_active else "already inactive")
