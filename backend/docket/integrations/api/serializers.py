from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from docket.core.models import Event
from docket.core.serializers import StrictSerializer
from docket.http.event_schema import EVENT_NAME_COMPONENT
from docket.http.refs import EventActorOutput
from docket.integrations.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from docket.integrations.services import webhook_event_type_names


class FeedEventOutput(serializers.ModelSerializer):
    """One event of the change feed. `changes` has the shape of the event's name (see
    `EventName` and the `<Name>Changes` components)."""

    actor = EventActorOutput(allow_null=True)
    changes = serializers.DictField(child=serializers.JSONField())

    class Meta:
        model = Event
        fields = [
            "id",
            "name",
            "actor",
            "project_id",
            "subject_type",
            "subject_id",
            "subject_label",
            "changes",
            "created_at",
        ]
        read_only_fields = fields


# --- Webhooks ----------------------------------------------------------------------------------


@extend_schema_field({"$ref": f"#/components/schemas/{EVENT_NAME_COMPONENT}"})
class EventNameField(serializers.ChoiceField):
    """A name from the typed event registry, documented as the schema's one `EventName` enum."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=webhook_event_type_names(), **kwargs)


def _event_type_field(**kwargs: Any) -> serializers.ListField:
    return serializers.ListField(
        child=EventNameField(),
        max_length=100,
        help_text="Event names to deliver (see `EventName`); at least one.",
        **kwargs,
    )


class WebhookEndpointCreateInput(StrictSerializer):
    url = serializers.URLField(
        max_length=2000,
        help_text="Where deliveries are POSTed: https, on a public address.",
    )
    event_types = _event_type_field()
    description = serializers.CharField(max_length=200, required=False, allow_blank=True)


class WebhookEndpointUpdateInput(StrictSerializer):
    url = serializers.URLField(max_length=2000, required=False)
    event_types = _event_type_field(required=False)
    description = serializers.CharField(max_length=200, required=False, allow_blank=True)
    is_active = serializers.BooleanField(
        required=False,
        help_text="false stops deliveries; true turns a disabled endpoint on again.",
    )


class WebhookEndpointOutput(serializers.ModelSerializer):
    event_types = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = WebhookEndpoint
        fields = [
            "id",
            "url",
            "description",
            "event_types",
            "is_active",
            "disabled_at",
            "disabled_reason",
            "failing_since",
            "previous_secret_expires_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class WebhookEndpointCreatedOutput(WebhookEndpointOutput):
    secret = serializers.CharField(
        help_text=(
            "Shown once: the `whsec_` secret that signs every delivery (Standard Webhooks). "
            "Keep it in the receiver."
        )
    )

    class Meta(WebhookEndpointOutput.Meta):
        fields = [*WebhookEndpointOutput.Meta.fields, "secret"]
        read_only_fields = fields


class WebhookSecretOutput(serializers.Serializer):
    secret = serializers.CharField(
        read_only=True,
        help_text="Shown once. The previous secret also signs deliveries for 24 hours.",
    )
    previous_secret_expires_at = serializers.DateTimeField(read_only=True)


class WebhookAttemptOutput(serializers.ModelSerializer):
    class Meta:
        model = WebhookAttempt
        fields = ["attempted_at", "duration_ms", "status_code", "error", "response_body"]
        read_only_fields = fields


class WebhookDeliveryOutput(serializers.ModelSerializer):
    webhook_id = serializers.CharField(
        source="message_id", help_text="The `webhook-id` header every attempt carries."
    )
    attempts_log = WebhookAttemptOutput(source="log", many=True)

    class Meta:
        model = WebhookDelivery
        fields = [
            "id",
            "webhook_id",
            "event_id",
            "event_name",
            "status",
            "attempts",
            "next_attempt_at",
            "last_status_code",
            "last_error",
            "delivered_at",
            "created_at",
            "attempts_log",
        ]
        read_only_fields = fields
