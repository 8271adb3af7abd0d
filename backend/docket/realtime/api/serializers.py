from rest_framework import serializers


class RealtimeTicketOutput(serializers.Serializer):
    ticket = serializers.CharField(help_text="Send it in the socket's first message, once.")
    expires_in = serializers.IntegerField(help_text="Seconds the ticket stays valid.")
    url = serializers.CharField(help_text="The websocket endpoint, relative to the API origin.")
