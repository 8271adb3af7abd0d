"""Tasks only the tests' workers know (settings.test imports this module into every worker)."""

from __future__ import annotations

from celery import shared_task
from django.core.cache import cache
from django.db import connections, router

from docket.issues.models import Issue


def read_probe_key(token: str) -> str:
    return f"read-probe:{token}"


@shared_task(name="docket.testing.read_probe", ignore_result=True)
def read_probe(*, token: str, issue_id: str, write_title: str | None = None) -> None:
    """Read an issue's title the way any task reads (through the router), optionally after
    writing it, and leave in the cache what was seen and which server answered."""
    if write_title is not None:
        Issue.objects.filter(pk=issue_id).update(title=write_title)
    alias = router.db_for_read(Issue)
    title = Issue.objects.get(pk=issue_id).title
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT inet_server_port()")
        port = cursor.fetchone()[0]
    cache.set(read_probe_key(token), {"title": title, "alias": alias, "port": port}, timeout=60)
