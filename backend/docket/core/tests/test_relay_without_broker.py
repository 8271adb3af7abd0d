"""A commit whose relay cannot be scheduled (the broker is down) still succeeds, quickly."""

import time

import pytest
from django.test import override_settings

from docket.core.models import Event
from docket.projects.services import label_create

BROKER_NOBODY_LISTENS_ON = "redis://127.0.0.1:9/0"


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
@override_settings(RELAY_ON_COMMIT=True)
def test_a_write_succeeds_when_the_broker_is_unreachable(world):
    from config.celery import app

    previous = app.conf.broker_url
    app.conf.broker_url = BROKER_NOBODY_LISTENS_ON
    app.pool.force_close_all()
    try:
        started = time.monotonic()
        label = label_create(
            access=world.access("member"), project=world.eng, name="offline", color="#000000"
        )
        elapsed = time.monotonic() - started
    finally:
        app.conf.broker_url = previous
        app.pool.force_close_all()
    assert Event.objects.filter(name="label.created", subject_id=label.pk).exists()
    assert elapsed < 5, elapsed
