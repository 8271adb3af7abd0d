#!/usr/bin/env bash
# Fuzz the live API with schemathesis from the committed schema (openapi/v1.yaml): a fresh
# database, a seeded tenant, uvicorn on a free port. Fails on any 5xx or any answer the schema
# does not describe. Cleans up (server, database) however it ends.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV_BIN="${VENV_BIN:-$ROOT/.venv/bin}"
PGHOST="${PGHOST:-localhost}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
DB="docket_fuzz_$$"
MAX_EXAMPLES="${FUZZ_MAX_EXAMPLES:-40}"

export DJANGO_SETTINGS_MODULE=config.settings.local
export DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$DB"
SECRET_KEY="$("$VENV_BIN/python" -c 'import secrets; print(secrets.token_urlsafe(64))')"
export SECRET_KEY
export DEBUG=false RELAY_ON_COMMIT=false ADMIN_ENABLED=false LOG_LEVEL="${FUZZ_LOG_LEVEL:-CRITICAL}"
export CACHE_KEY_PREFIX="fuzz-$$"
# The fuzzer signs in many times a second from one address; the limits are tested elsewhere.
export THROTTLE_AUTH_IP=100000/minute THROTTLE_AUTH_ACCOUNT=100000/minute
export THROTTLE_PASSWORD_CHANGE=100000/minute
# The same for the API-wide rate limits (docket.core.ratelimit), counted under their own prefix.
export RATE_LIMIT_KEY_PREFIX="fuzz-rl-$$"
export RATE_LIMIT_USER_READ=100000/minute RATE_LIMIT_USER_WRITE=100000/minute
export RATE_LIMIT_TOKEN_READ=100000/minute RATE_LIMIT_TOKEN_WRITE=100000/minute
export RATE_LIMIT_WORKSPACE_READ=100000/minute RATE_LIMIT_WORKSPACE_WRITE=100000/minute
export RATE_LIMIT_ANON=100000/minute

server=""
cleanup() {
    if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    (cd "$ROOT/backend" && "$VENV_BIN/python" manage.py setup_databases --drop -v0) || true
}
trap cleanup EXIT

cd "$ROOT/backend"
# Its own primary and analytics databases, fresh.
"$VENV_BIN/python" manage.py setup_databases --fresh -v0
TOKEN="$("$VENV_BIN/python" manage.py fuzz_seed)"
PORT="$("$VENV_BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

"$VENV_BIN/uvicorn" config.asgi:application --host 127.0.0.1 --port "$PORT" \
    --no-proxy-headers --no-access-log --workers 2 &
server=$!
for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
    sleep 0.2
done

started=$(date +%s)
# One worker: with two, Hypothesis parses lambda sources on two threads at once, and CPython
# 3.11's ast.parse is not thread-safe ("AST constructor recursion depth mismatch" crashed a run).
"$VENV_BIN/schemathesis" --config-file "$ROOT/schemathesis.toml" run "$ROOT/openapi/v1.yaml" \
    --url "http://127.0.0.1:$PORT" \
    --header "Authorization: Bearer $TOKEN" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --phases examples,coverage,fuzzing \
    --max-examples "$MAX_EXAMPLES" \
    --exclude-operation-id workspaces_delete ${FUZZ_ARGS:-} \
    --workers 1 \
    --request-timeout 20 \
    --no-color
echo "api-fuzz: $(( $(date +%s) - started )) s"
