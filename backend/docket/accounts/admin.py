from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest

from docket.accounts.models import User
from docket.accounts.services import user_deactivate


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "is_staff", "is_active", "date_joined"]
    search_fields = ["email", "display_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profile", {"fields": ("display_name", "timezone")}),
        ("Access", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
    )
    add_fieldsets = ((None, {"fields": ("email", "display_name", "password1", "password2")}),)
    # Deactivating goes through the service (sessions revoked, sockets closed), never a checkbox.
    readonly_fields = ["is_active"]
    actions = ["deactivate"]

    @admin.action(description="Deactivate the selected accounts (end their sessions)")
    def deactivate(self, request: HttpRequest, queryset: QuerySet[User]) -> Any:
        deactivated = sum(
            user_deactivate(actor=request.user, target=user)  # type: ignore[arg-type]
            for user in queryset
        )
        self.message_user(request, f"{deactivated} account(s) deactivated.", messages.SUCCESS)
