from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    """Live updates over websockets: tickets, the /ws/v1/ consumer, and the relay's fan-out."""

    name = "docket.realtime"
    label = "realtime"
