"""Load the demo tenant: idempotent, so `make run` can call it every time."""

import random
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.utils import timezone

from docket.accounts.models import User
from docket.core.access import Access
from docket.demo.bulk import load_issues
from docket.issues.models import Issue, Priority
from docket.issues.services import comment_create, issue_create
from docket.projects.access import access_from_membership
from docket.projects.models import Label, Project, State
from docket.projects.services import label_create, project_create, project_member_add
from docket.workspaces.models import Membership, Role, Workspace

DEMO_PASSWORD = "docket-demo-password"
DEMO_USERS = [
    ("owner@example.com", "Olivia Owner", Role.OWNER),
    ("admin@example.com", "Ana Admin", Role.ADMIN),
    ("member@example.com", "Max Member", Role.MEMBER),
    ("member2@example.com", "Mia Member", Role.MEMBER),
    ("guest@example.com", "Gus Guest", Role.GUEST),
]
# Staff use the Django admin only; they are not members of any workspace.
STAFF_EMAIL = "staff@example.com"
ISSUES_PER_PROJECT = {"ENG": 140, "OPS": 60}
LARGE_PROJECT_KEY = "BIG"
MAX_LARGE_PROJECT_ISSUES = 10_000_000
LABELS = [("bug", "#ef4444"), ("feature", "#3b82f6"), ("chore", "#a3a3a3"), ("docs", "#10b981")]
VERBS = ["Fix", "Add", "Remove", "Refactor", "Document", "Speed up", "Investigate", "Polish"]
NOUNS = [
    "login throttling",
    "board drag and drop",
    "issue search",
    "webhook retries",
    "email digest",
    "project settings page",
    "keyset pagination",
    "CSV export",
    "dark mode",
    "activity feed",
    "label colors",
    "due date reminders",
    "invite flow",
    "mobile layout",
    "rate limiter",
    "audit log",
    "API docs",
    "database indexes",
]
COMMENTS = [
    "I can reproduce this on staging.",
    "Taking this one.",
    "Needs a design review first.",
    "Fixed in the latest build, please verify.",
    "Is this still relevant?",
    "Added a test that covers it.",
    "Blocked on the infra change.",
]


class Command(BaseCommand):
    help = (
        "Create the demo workspace `acme` with users of every role and about 200 issues; with "
        "--issues N, also a project BIG holding N issues (bulk loaded, see docs/demo.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--issues",
            type=int,
            default=0,
            metavar="N",
            help="Also fill project BIG up to N issues (two labels and two assignees each).",
        )

    def handle(self, *args, **options) -> None:
        rng = random.Random(42)  # the same demo data on every machine
        users = self._users()
        workspace, memberships = self._workspace(users)
        # Each person acts with their own access, so events name who really did what.
        accesses = {role: access_from_membership(m) for role, m in memberships.items()}
        owner = accesses[Role.OWNER]
        for key, name in (("ENG", "Engineering"), ("OPS", "Operations")):
            project = Project.objects.filter(workspace=workspace, key=key).first()
            if project is None:
                project = project_create(access=owner, key=key, name=name, lead_id=owner.user_id)
            if key == "ENG":
                project_member_add(
                    access=owner, project=project, user_id=memberships[Role.GUEST].user_id
                )
            labels = self._labels(owner, project)
            self._issues(rng, project, accesses, labels, ISSUES_PER_PROJECT[key])
        if options["issues"]:
            self._large_project(workspace, accesses, options["issues"])
        if not User.objects.filter(email=STAFF_EMAIL).exists():
            User.objects.create_superuser(STAFF_EMAIL, DEMO_PASSWORD, display_name="Staff")
        self.stdout.write(self.style.SUCCESS("Demo data ready: workspace 'acme'."))
        for email, _name, role in DEMO_USERS:
            self.stdout.write(f"  {role:<7} {email:<22} password: {DEMO_PASSWORD}")
        self.stdout.write(f"  {'staff':<7} {STAFF_EMAIL:<22} password: {DEMO_PASSWORD} (admin)")

    def _users(self) -> dict[str, User]:
        users = {}
        for email, name, _role in DEMO_USERS:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(email, DEMO_PASSWORD, display_name=name)
            users[email] = user
        return users

    def _workspace(self, users: dict[str, User]) -> tuple[Workspace, dict]:
        with transaction.atomic():
            workspace, _ = Workspace.objects.get_or_create(slug="acme", defaults={"name": "Acme"})
            memberships: dict = {}
            for email, _name, role in DEMO_USERS:
                membership, _ = Membership.objects.get_or_create(
                    workspace=workspace, user=users[email], defaults={"role": role}
                )
                memberships.setdefault(role, membership)
        return workspace, memberships

    def _labels(self, owner: Access, project: Project) -> list[Label]:
        existing = {label.name: label for label in Label.objects.filter(project=project)}
        for name, color in LABELS:
            if name not in existing:
                existing[name] = label_create(access=owner, project=project, name=name, color=color)
        return list(existing.values())

    def _issues(self, rng, project, accesses, labels, target: int) -> None:
        have = Issue.objects.filter(project=project).count()
        if have >= target:
            return
        states = list(State.objects.filter(project=project).order_by("position"))
        people = [a for role, a in accesses.items() if role != Role.GUEST]
        today = timezone.now().date()
        for index in range(have, target):
            author = rng.choice(people)
            issue = issue_create(
                access=author,
                project=project,
                title=f"{rng.choice(VERBS)} {rng.choice(NOUNS)}",
                description=f"Reported while testing **{project.name}**.\n\n- step one\n- step two",
                state_id=rng.choice(states).id,
                priority=rng.choice([p.label for p in Priority]),
                estimate=rng.choice([None, 1, 2, 3, 5, 8]),
                due_date=rng.choice([None, today + timedelta(days=rng.randint(-10, 40))]),
                assignee_ids=[m.user_id for m in rng.sample(people, rng.randint(0, 2))],
                label_ids=[label.id for label in rng.sample(labels, rng.randint(0, 2))],
            )
            for _ in range(rng.randint(0, 2)):
                commenter = rng.choice(people)
                comment_create(
                    access=commenter,
                    issue=issue,
                    body=rng.choice(COMMENTS),
                )
            self._progress(f"{project.key} issues", index + 1, target)
        self.stdout.write("")

    def _large_project(self, workspace: Workspace, accesses: dict, target: int) -> None:
        if not 0 < target <= MAX_LARGE_PROJECT_ISSUES:
            raise CommandError(f"--issues takes 1 to {MAX_LARGE_PROJECT_ISSUES:,}.")
        owner = accesses[Role.OWNER]
        project = Project.objects.filter(workspace=workspace, key=LARGE_PROJECT_KEY).first()
        if project is None:
            project = project_create(
                access=owner, key=LARGE_PROJECT_KEY, name="Large project", lead_id=owner.user_id
            )
        self._labels(owner, project)
        people = [a.user_id for role, a in accesses.items() if role != Role.GUEST]
        added = load_issues(
            project,
            target=target,
            people=people,
            progress=lambda done, total: self._progress(f"{project.key} issues", done, total),
        )
        if added:
            self.stdout.write("")
        # Fresh statistics, so the planner knows the table's size before the first page asks.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE issues_issue, issues_issuelabel, issues_issueassignee")

    def _progress(self, label: str, done: int, total: int) -> None:
        width = 30
        filled = width * done // total
        bar = "#" * filled + "-" * (width - filled)
        self.stdout.write(f"\r  {label:<11} [{bar}] {done}/{total}", ending="")
        self.stdout.flush()
