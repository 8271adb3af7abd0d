#!/usr/bin/env bash
# The Python SDK's integration tests (clients/python/tests) against a live API: a fresh
# database, a seeded tenant with a `write` and a `read` personal access token (manage.py
# sdk_seed), uvicorn on a free port. The tests reach the server only through the SDK. Cleans up
# (server, database) however it ends.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV_BIN="${VENV_BIN:-$ROOT/.venv/bin}"
PGHOST="${PGHOST:-localhost}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
DB="docket_sdk_$$"

export DJANGO_SETTINGS_MODULE=config.settings.local
export DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$DB"
SECRET_KEY="$("$VENV_BIN/python" -c 'import secrets; print(secrets.token_urlsafe(64))')"
export SECRET_KEY
# A Celery worker runs the relay after each commit and sends webhooks to the tests' receiver on
# 127.0.0.1 (allowed here, as on any developer machine; production refuses it).
export DEBUG=false RELAY_ON_COMMIT=true ADMIN_ENABLED=false LOG_LEVEL="${SDK_TEST_LOG_LEVEL:-CRITICAL}"
export WEBHOOK_ALLOW_PRIVATE_ADDRESSES=true CHANNEL_PREFIX="sdk-test-$$"
export REDIS_URL="${SDK_TEST_REDIS_URL:-redis://localhost:6379/3}"
export CELERY_BROKER_URL="${SDK_TEST_CELERY_BROKER_URL:-redis://localhost:6379/4}"
export CACHE_KEY_PREFIX="sdk-test-$$"

server=""
worker=""
cleanup() {
    for pid in $server $worker; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    (cd "$ROOT/backend" && "$VENV_BIN/python" manage.py setup_databases --drop -v0) || true
}
trap cleanup EXIT

started=$(date +%s)
cd "$ROOT/backend"
# Its own primary and analytics databases, fresh.
"$VENV_BIN/python" manage.py setup_databases --fresh -v0
DOCKET_SDK_TENANT="$("$VENV_BIN/python" manage.py sdk_seed)"
PORT="$("$VENV_BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

"$VENV_BIN/uvicorn" config.asgi:application --host 127.0.0.1 --port "$PORT" \
    --no-proxy-headers --no-access-log --log-level warning --workers 1 &
server=$!
# Its own name: another run's worker may be up on this machine (the broker database is this
# script's own, and emptied first).
"$VENV_BIN/python" -c "from config.celery import app; c = app.connection_for_write(); [c.default_channel.queue_purge(q) for q in ('relay', 'default', 'email', 'webhooks')]"
"$VENV_BIN/celery" -A config worker -Q relay,default,email,webhooks --concurrency 1 --pool solo \
    --loglevel WARNING -n "sdk-test-$$@localhost" --without-heartbeat --without-gossip --without-mingle &
worker=$!
for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
    sleep 0.2
done

cd "$ROOT/clients/python"
export DOCKET_SDK_BASE_URL="http://127.0.0.1:$PORT" DOCKET_SDK_TENANT
env -u DJANGO_SETTINGS_MODULE "$VENV_BIN/python" -m pytest -p no:cacheprovider -p no:django ${SDK_TEST_ARGS:-}
echo "sdk-test: $(( $(date +%s) - started )) s"
