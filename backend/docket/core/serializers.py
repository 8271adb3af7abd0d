"""Serializer building blocks shared by every app's api/ package."""

from collections.abc import Mapping
from typing import Any

from rest_framework import serializers


class StrictSerializer(serializers.Serializer):
    """Input serializer that refuses fields it does not know (no silent mass assignment)."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {name: ["This field is not allowed."] for name in unknown},
                    code="unknown_field",
                )
        return super().to_internal_value(data)


class TypeaheadQuery(serializers.Serializer):
    """The `search` parameter of the lists a picker asks as the user types (members, labels).

    A case-insensitive substring, so a picker finds "Ada" from "da" as well as from "Ad"."""

    search = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text=(
            "Only the rows whose name contains this text, case-insensitively (a label's name; a "
            "member's display name or email); up to 100 characters. Empty or omitted: every row."
        ),
    )

    @classmethod
    def parse(cls, query_params: Mapping[str, Any]) -> str:
        """The search text of a request, stripped ("" for none); a 400 if it is too long."""
        query = cls(data=query_params)
        query.is_valid(raise_exception=True)
        return query.validated_data.get("search", "")
