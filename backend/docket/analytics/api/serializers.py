from rest_framework import serializers

DEFAULT_DAYS = 90
MAX_DAYS = 365


class InsightsQuery(serializers.Serializer):
    days = serializers.IntegerField(
        min_value=7,
        max_value=MAX_DAYS,
        required=False,
        help_text=f"The window, in days up to today. Defaults to {DEFAULT_DAYS}.",
    )


class PercentilesOutput(serializers.Serializer):
    count = serializers.IntegerField(help_text="How many issues the figures describe.")
    p50 = serializers.FloatField(allow_null=True, help_text="Median; null without issues.")
    p85 = serializers.FloatField(allow_null=True)
    p95 = serializers.FloatField(allow_null=True)


class ThroughputWeekOutput(serializers.Serializer):
    week = serializers.DateField(help_text="The Monday the ISO week starts on.")
    completed = serializers.IntegerField()


def _in_category(category: str) -> serializers.IntegerField:
    return serializers.IntegerField(help_text=f"Issues in a `{category}` state at day's end.")


class CumulativeFlowDayOutput(serializers.Serializer):
    date = serializers.DateField()
    backlog = _in_category("backlog")
    unstarted = _in_category("unstarted")
    started = _in_category("started")
    completed = _in_category("completed")
    canceled = _in_category("canceled")


class InsightsOutput(serializers.Serializer):
    since = serializers.DateField(help_text="The window's first day (UTC).")
    until = serializers.DateField(help_text="The window's last day: today (UTC).")
    cycle_time_hours = PercentilesOutput(
        help_text="From the first start to completion, of the issues completed in the window."
    )
    lead_time_hours = PercentilesOutput(
        help_text="From creation to completion, of the issues completed in the window."
    )
    open_age_days = PercentilesOutput(help_text="Age of the issues open now.")
    throughput = ThroughputWeekOutput(many=True, help_text="Completions per week.")
    cumulative_flow = CumulativeFlowDayOutput(
        many=True, help_text="Issues per state category at the end of each day."
    )
