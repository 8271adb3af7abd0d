from django.urls import path

from docket.realtime.api import views

urlpatterns = [
    path("realtime/ticket", views.RealtimeTicketView.as_view(), name="realtime-ticket"),
]
