"""The outbox relay (docket.core.relay): when it runs, and the consumers of the event log."""

from .env import env

# Schedule the relay after each commit that recorded events.
RELAY_ON_COMMIT = env.bool("RELAY_ON_COMMIT", default=True)
# Check each recorded event's changes against the schema its type publishes (the tests do).
EVENTS_VALIDATE_CHANGES = False
# Consumers of the event log, each with its own position: {name: "dotted.path.to.handler"}.
RELAY_CONSUMERS: dict[str, str] = {
    # First: live updates are the ones a person is waiting for.
    "realtime": "docket.realtime.fanout.publish_events",
    "notifications": "docket.notifications.services.notify_for_events",
    "webhooks": "docket.integrations.services.plan_webhook_deliveries",
    "analytics": "docket.analytics.services.record_issue_facts",
}
