"""The URLconf with the admin enabled, for the tests of the admin's own rules."""

from docket.http.urls import admin_urls
from docket.http.urls import urlpatterns as root_urlpatterns

urlpatterns = [*admin_urls(), *root_urlpatterns]
