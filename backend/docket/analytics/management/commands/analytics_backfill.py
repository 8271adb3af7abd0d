"""Rebuild every analytics fact from the event log, with a progress bar.

While the live consumer is held (its position row locked, briefly), the analytics tables are
emptied and its position read; from then on the consumer goes on past that position while this
command replays every event up to it. Writes on both sides are idempotent and rebuild each
issue's fact from all its changes, so running side by side they end where either alone would.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import connections, transaction
from django.db.models import Q

from docket.analytics.models import CategoryChange, IssueFact
from docket.analytics.routers import ANALYTICS
from docket.analytics.services import record_issue_facts
from docket.core.models import ConsumerPosition, Event

CONSUMER = "analytics"


def progress_bar(done: int, total: int, *, started: float, width: int = 30) -> str:
    share = done / total if total else 1.0
    filled = int(width * share)
    rate = done / max(time.monotonic() - started, 1e-6)
    return (
        f"\r[{'#' * filled}{'.' * (width - filled)}] {share:6.1%} "
        f"{done:,}/{total:,} events  {rate:,.0f}/s"
    )


class Command(BaseCommand):
    help = "Rebuild the analytics facts from the event log."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, *args: Any, batch_size: int, verbosity: int, **options: Any) -> None:
        ConsumerPosition.objects.get_or_create(name=CONSUMER)
        with transaction.atomic():
            position = ConsumerPosition.objects.select_for_update().get(name=CONSUMER)
            with connections[ANALYTICS].cursor() as cursor:
                cursor.execute(
                    f"TRUNCATE {CategoryChange._meta.db_table}, {IssueFact._meta.db_table}"
                )
        upto = Q(txid__lt=position.txid) | Q(txid=position.txid, id__lte=position.event_id)
        total = Event.objects.filter(upto).count()
        started, done = time.monotonic(), 0
        after = Q()
        show = verbosity > 0 and total > 0
        while True:
            batch = list(
                Event.objects.filter(upto).filter(after).order_by("txid", "id")[:batch_size]
            )
            if not batch:
                break
            record_issue_facts(batch)
            done += len(batch)
            last = batch[-1]
            after = Q(txid__gt=last.txid) | Q(txid=last.txid, id__gt=last.id)
            if show:
                self.stderr.write(progress_bar(done, total, started=started), ending="")
                self.stderr.flush()
        if show:
            self.stderr.write("")
        self.stdout.write(
            f"analytics rebuilt from {done:,} events: "
            f"{IssueFact.objects.count():,} issues, {CategoryChange.objects.count():,} changes"
        )
