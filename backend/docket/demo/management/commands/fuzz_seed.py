"""A small tenant for the API fuzzer (make api-fuzz): prints a signed access token for it."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from rest_framework_simplejwt.tokens import AccessToken

from docket.accounts.models import User
from docket.issues.services import comment_create, issue_create
from docket.projects.access import access_from_membership
from docket.projects.services import label_create, project_create
from docket.workspaces.services import workspace_create


class Command(BaseCommand):
    help = "Create workspace `fuzz` (project FUZZ, issue FUZZ-1) and print an owner's token."

    def handle(self, *args, **options) -> None:
        user = User.objects.create_user(
            "fuzz@example.com", "fuzz-owner-password-0", display_name="Fuzz Owner"
        )
        membership = workspace_create(actor=user, slug="fuzz", name="Fuzz")
        access = access_from_membership(membership)
        project = project_create(access=access, key="FUZZ", name="Fuzzing")
        label = label_create(access=access, project=project, name="bug", color="#ff0000")
        issue = issue_create(access=access, project=project, title="Fuzz me", label_ids=[label.id])
        comment_create(access=access, issue=issue, body="A comment to fuzz.")
        token = AccessToken.for_user(user)
        token.set_exp(lifetime=timedelta(hours=1))  # the run is minutes long; never deployed
        self.stdout.write(str(token))
