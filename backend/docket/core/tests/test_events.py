"""The event log's one rule: events are written inside the change's transaction."""

import pytest
from django.db import transaction

from docket.core.events import record_event
from docket.core.models import Event

EVENT = {
    "actor": None,
    "workspace_id": "01a20fa1-0000-7000-8000-000000000001",
    "name": "test.event",
    "subject_type": "test",
    "subject_id": "01a20fa1-0000-7000-8000-000000000002",
}


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_recording_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError):
        record_event(**EVENT)
    with transaction.atomic():
        record_event(**EVENT)
    assert Event.objects.filter(name="test.event").count() == 1
