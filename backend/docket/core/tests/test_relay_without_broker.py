"""A commit whose relay cannot be scheduled (the broker is down) still succeeds: the change and
its event are committed, and beat's relay picks the event up later.

(How long the write waits for the broker first is not pinned yet: several seconds today.)"""

import pytest
from django.test import override_settings

from docket.core.models import Event
from docket.projects.services import label_create

BROKER_NOBODY_LISTENS_ON = "redis://127.0.0.1:9/0"


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
@override_settings(RELAY_ON_COMMIT=True)
def test_a_write_succeeds_when_the_broker_is_unreachable(world):
    from config.celery import app

    def use_broker(url: str) -> None:
        # The app caches its producer pool (per broker URL, kept open in kombu's registry):
        # dropping the cached references makes the next publish use `url`'s pool.
        app.conf.broker_url = url
        app._pool = None
        app.amqp._producer_pool = None

    previous = app.conf.broker_url
    use_broker(BROKER_NOBODY_LISTENS_ON)
    try:
        label = label_create(
            access=world.access("member"), project=world.eng, name="offline", color="#000000"
        )
    finally:
        use_broker(previous)
    assert Event.objects.filter(name="label.created", subject_id=label.pk).exists()
