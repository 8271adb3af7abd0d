"""config.urls with the admin enabled, for the tests of the admin's own rules."""

from config.urls import admin_urls
from config.urls import urlpatterns as config_urlpatterns

urlpatterns = [*admin_urls(), *config_urlpatterns]
