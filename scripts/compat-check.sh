#!/usr/bin/env bash
# Expand/contract compatibility: the previous release's code must keep working on a database
# that the new release's migrations have already migrated (during a deploy, migrations run
# first and the old code serves traffic until the new code is rolled out).
#
# The previous release is the commit named in deploy/previous-release. Its backend is exported
# (git archive) into a temporary directory; a fresh database is created and migrated with THIS
# checkout's code (setup_databases --fresh, the deploy's own migration command); then the old
# code's issue and project tests run against that database (pytest --reuse-db: the old code's
# migrate finds nothing to apply and ignores the migrations it does not know). Uses this
# checkout's virtualenv. Cleans up (directory, databases) however it ends.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV_BIN="${VENV_BIN:-$ROOT/.venv/bin}"
PGHOST="${PGHOST:-localhost}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
DB="${COMPAT_DATABASE_NAME:-docket_compat_test}"
PREVIOUS="$(tr -d '[:space:]' < "$ROOT/deploy/previous-release")"

# All of the old code's issue and project tests run, its query-count pins included: they pass
# against the new schema today. If one ever fails, look before leaving it out: a count is the
# old code's own performance contract, but it can also be the first sign that the new schema
# slows the old code down (a dropped index, a trigger) during the deploy window.

old="$(mktemp -d)"
cleanup() {
    (cd "$ROOT/backend" && DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$DB" \
        "$VENV_BIN/python" manage.py setup_databases --drop -v0) || true
    rm -rf "$old"
}
trap cleanup EXIT

echo "previous release: $(git -C "$ROOT" log -1 --format='%h %s' "$PREVIOUS")"
git -C "$ROOT" archive "$PREVIOUS" backend | tar -x -C "$old"

# Migrated by the new code, as a deploy does before the new code serves anything.
(cd "$ROOT/backend" && DJANGO_SETTINGS_MODULE=config.settings.local \
    DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$DB" \
    "$VENV_BIN/python" manage.py setup_databases --fresh -v1)

# The old code against it: the test settings name the test databases after TEST_DATABASE_NAME
# (primary) and TEST_DATABASE_NAME_analytics, the two databases setup_databases created.
# Its flush cascades (scripts/compat_flush_cascade.py): new tables point at the ones it empties.
cd "$old/backend"
PYTHONPATH="$ROOT/scripts${PYTHONPATH:+:$PYTHONPATH}" TEST_DATABASE_NAME="$DB" \
    "$VENV_BIN/pytest" --reuse-db -p no:randomly -p compat_flush_cascade \
    docket/issues/tests docket/projects/tests "$@"
