#!/usr/bin/env bash
# Make sure PostgreSQL and Redis answer, starting a local one only when it is down.
#
# Reads PGHOST/PGPORT/PGUSER (defaults localhost/5432/postgres) and REDIS_URL
# (default redis://localhost:6379/0). A service on another host is only waited for,
# never started. SERVICES_WAIT_SECONDS (default 30) bounds the wait.
set -euo pipefail

PGHOST="${PGHOST:-localhost}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
REDIS_URL="${REDIS_URL:-redis://localhost:6379/0}"
WAIT_SECONDS="${SERVICES_WAIT_SECONDS:-30}"
REDIS_DIR="${REDIS_DIR:-/var/lib/redis}"

if [[ "$REDIS_URL" =~ ^rediss?://([^@/]*@)?(\[[^]]+\]|[^:/]+)(:([0-9]+))? ]]; then
    REDIS_HOST="${BASH_REMATCH[2]}"
    REDIS_PORT="${BASH_REMATCH[4]:-6379}"
else
    echo "ensure-services: cannot parse REDIS_URL=$REDIS_URL" >&2
    exit 2
fi
REDIS_HOST="${REDIS_HOST#[}"
REDIS_HOST="${REDIS_HOST%]}"

is_local() {
    case "$1" in
        localhost | 127.0.0.1 | ::1 | /*) return 0 ;;
        *) return 1 ;;
    esac
}

postgres_up() {
    pg_isready -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" >/dev/null 2>&1
}

redis_up() {
    local reply
    if command -v redis-cli >/dev/null 2>&1; then
        reply="$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null || true)"
    else
        # No redis-cli (e.g. a CI runner): speak the protocol over bash's /dev/tcp.
        reply="$(timeout 2 bash -c '
            exec 3<>"/dev/tcp/$0/$1" || exit 1
            printf "PING\r\n" >&3
            IFS= read -r line <&3
            printf "%s" "${line%$'"'"'\r'"'"'}"
        ' "$REDIS_HOST" "$REDIS_PORT" 2>/dev/null || true)"
    fi
    [[ "$reply" == *PONG* ]]
}

start_postgres() {
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
        echo "postgres: down and pg_ctlcluster is not available; start PostgreSQL yourself" >&2
        return 1
    fi
    local version cluster
    # Prefer the cluster configured for PGPORT; fall back to the newest installed version.
    read -r version cluster < <(pg_lsclusters --no-header 2>/dev/null \
        | awk -v port="$PGPORT" '$3 == port { print $1, $2; exit }') || true
    if [[ -z "${version:-}" ]]; then
        version="$(ls /etc/postgresql | sort -V | tail -n 1)"
        cluster=main
    fi
    echo "postgres: starting cluster $version/$cluster"
    pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start
}

start_redis() {
    if ! command -v redis-server >/dev/null 2>&1; then
        echo "redis: down and redis-server is not installed; start Redis yourself" >&2
        return 1
    fi
    mkdir -p "$REDIS_DIR"
    echo "redis: starting on port $REDIS_PORT (no persistence)"
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" \
        --dir "$REDIS_DIR" --save "" --appendonly no
}

wait_for() {
    local name="$1" check="$2" deadline=$((SECONDS + WAIT_SECONDS))
    until "$check"; do
        if ((SECONDS >= deadline)); then
            echo "$name: not answering after ${WAIT_SECONDS}s" >&2
            return 1
        fi
        sleep 0.5
    done
    echo "$name: up"
}

ensure() {
    local name="$1" host="$2" check="$3" start="$4"
    if "$check"; then
        echo "$name: up"
        return 0
    fi
    if is_local "$host"; then
        "$start" || return 1
    else
        echo "$name: waiting for $host (not local, will not start it)"
    fi
    wait_for "$name" "$check"
}

status=0
ensure postgres "$PGHOST" postgres_up start_postgres || status=1
ensure redis "$REDIS_HOST" redis_up start_redis || status=1
exit "$status"
