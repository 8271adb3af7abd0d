#!/usr/bin/env bash
# Run Docket's local processes in the foreground, each line prefixed with its name.
# Ctrl-C (or any one process exiting) stops them all. Called by `make serve` / `make run`.
#
# To add a process (Celery worker, Vite dev server, ...), add one `start` line below.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV_BIN="${VENV_BIN:-$ROOT/.venv/bin}"
API_HOST="${API_HOST:-127.0.0.1}"
API_PORT="${API_PORT:-8000}"
WEB_HOST="${WEB_HOST:-localhost}"
WEB_PORT="${WEB_PORT:-5173}"
export VITE_API_URL="${VITE_API_URL:-http://localhost:$API_PORT}"

pids=()

# Each kind of process adds up its own processes' metrics from files in its own directory,
# emptied at every start (docs/observability.md).
METRICS_DIR="${METRICS_DIR:-$ROOT/.run/metrics}"
rm -rf "$METRICS_DIR/api" "$METRICS_DIR/worker"
mkdir -p "$METRICS_DIR/api" "$METRICS_DIR/worker"

# start NAME DIR COMMAND...: run COMMAND in DIR in the background, output prefixed "[NAME] ".
start() {
    local name="$1" dir="$2"
    shift 2
    # The prefixer ignores Ctrl-C so that it still shows the process's shutdown messages.
    (cd "$dir" && exec "$@") > >(trap '' INT && exec sed -u "s/^/[$name] /") 2>&1 &
    pids+=("$!")
}

stop_all() {
    trap - INT TERM EXIT
    local pid
    for pid in "${pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    wait "${pids[@]}" 2>/dev/null || true
}
trap stop_all INT TERM EXIT

# No proxy in front: the client address is the peer's, never a client-chosen X-Forwarded-For.
# The admin is on for the local staff account (it is off unless enabled).
export ADMIN_ENABLED="${ADMIN_ENABLED:-true}"
start api "$ROOT/backend" env PROMETHEUS_MULTIPROC_DIR="$METRICS_DIR/api" \
    "$VENV_BIN/uvicorn" config.asgi:application --host "$API_HOST" --port "$API_PORT" \
    --no-proxy-headers --ws-max-size "${REALTIME_MAX_FRAME_BYTES:-4096}"

start web "$ROOT/frontend" \
    npx vite --host "$WEB_HOST" --port "$WEB_PORT" --strictPort

# Background work: the outbox relay and everything after a request (one worker for every
# queue locally; production runs a worker per queue), and beat for the periodic safety nets.
start worker "$ROOT/backend" env PROMETHEUS_MULTIPROC_DIR="$METRICS_DIR/worker" \
    "$VENV_BIN/celery" -A config worker -Q relay,default,email,webhooks --concurrency 2 --loglevel INFO

start beat "$ROOT/backend" \
    "$VENV_BIN/celery" -A config beat --loglevel INFO --schedule "$ROOT/.celerybeat-schedule"

# Whichever process ends first ends the session; its status is ours.
status=0
wait -n "${pids[@]}" || status=$?
exit "$status"
