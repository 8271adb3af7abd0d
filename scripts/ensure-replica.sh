#!/usr/bin/env bash
# Make sure a streaming hot standby of the local primary answers on REPLICA_PORT (default 5433).
#
# Idempotent: a server on REPLICA_PORT that is in recovery is left alone; a stopped standby is
# started; a missing one (or one that can no longer follow the primary) is made again as the
# Debian cluster `<version> replica`: pg_createcluster, then its data directory replaced by
# `pg_basebackup -R -X stream` from the primary. The primary is only given a pg_hba.conf line
# that lets local replication connections in (trust, 127.0.0.1), and reloaded.
#
# Reads PGHOST/PGPORT/PGUSER (defaults localhost/5432/postgres), REPLICA_PORT (5433) and
# REPLICA_CLUSTER (replica). A remote PGHOST is skipped: the standby is then not ours to make.
# Without root (or the postgres user) no standby is made: the app reads from the primary.
set -euo pipefail

PGHOST="${PGHOST:-localhost}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
REPLICA_PORT="${REPLICA_PORT:-5433}"
REPLICA_CLUSTER="${REPLICA_CLUSTER:-replica}"
WAIT_SECONDS="${REPLICA_WAIT_SECONDS:-20}"

say() { echo "replica: $*"; }

case "$PGHOST" in
    localhost | 127.0.0.1 | ::1 | /*) ;;
    *)
        say "PGHOST=$PGHOST is not local; skipped (point REPLICA_DATABASE_URL at your standby)"
        exit 0
        ;;
esac

# psql against the standby (or the primary with -p $PGPORT); TCP so pg_hba's host lines apply.
on_standby() { psql -X -w -q -h 127.0.0.1 -p "$REPLICA_PORT" -U "$PGUSER" -d postgres -tAc "$1" 2>/dev/null; }
on_primary() { psql -X -w -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -tAc "$1"; }

standby_answers() { pg_isready -q -h 127.0.0.1 -p "$REPLICA_PORT" >/dev/null 2>&1; }
in_recovery() { [[ "$(on_standby 'SELECT pg_is_in_recovery()' || true)" == t ]]; }
# Streaming, not just in recovery: a standby stopped for long may need WAL the primary recycled.
streaming() { [[ "$(on_standby "SELECT status FROM pg_stat_wal_receiver" || true)" == streaming ]]; }

wait_until() {
    local check="$1" deadline=$((SECONDS + WAIT_SECONDS))
    until "$check"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.3
    done
}

if standby_answers; then
    if in_recovery; then
        wait_until streaming || say "warning: in recovery on :$REPLICA_PORT but not streaming from the primary"
        say "up (hot standby on :$REPLICA_PORT)"
        exit 0
    fi
    echo "replica: a server on :$REPLICA_PORT is not a standby; stop it or set REPLICA_PORT" >&2
    exit 1
fi

if ! command -v pg_createcluster >/dev/null 2>&1 || [[ "$(id -u)" != 0 && "$(id -un)" != postgres ]]; then
    say "no standby on :$REPLICA_PORT and cannot make one here (needs root and postgresql-common);"
    say "reads fall back to the primary"
    exit 0
fi

# The primary's cluster: the version the standby must run.
read -r version primary_cluster < <(pg_lsclusters --no-header \
    | awk -v port="$PGPORT" '$3 == port { print $1, $2; exit }') || true
if [[ -z "${version:-}" ]]; then
    echo "replica: no local cluster on port $PGPORT to follow" >&2
    exit 1
fi
as_postgres() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
ctl() { pg_ctlcluster --skip-systemctl-redirect "$version" "$REPLICA_CLUSTER" "$@"; }

follows_primary() { wait_until in_recovery && wait_until streaming; }

existing_port="$(pg_lsclusters --no-header | awk -v c="$REPLICA_CLUSTER" -v v="$version" \
    '$1 == v && $2 == c { print $3 }')"
if [[ -n "$existing_port" && "$existing_port" != "$REPLICA_PORT" ]]; then
    echo "replica: cluster $version/$REPLICA_CLUSTER listens on $existing_port, not $REPLICA_PORT" >&2
    exit 1
fi
if [[ -n "$existing_port" ]]; then
    say "starting cluster $version/$REPLICA_CLUSTER"
    if ctl start >/dev/null 2>&1 && follows_primary; then
        say "up (hot standby on :$REPLICA_PORT)"
        exit 0
    fi
    say "cluster $version/$REPLICA_CLUSTER does not follow the primary; making it again"
    ctl stop -m fast >/dev/null 2>&1 || true
fi

# The primary lets local replication connections in (pg_basebackup, then the walreceiver).
hba_file="$(on_primary 'SHOW hba_file')"
has_replication_line="$(on_primary "SELECT count(*) FROM pg_hba_file_rules
    WHERE 'replication' = ANY(database) AND auth_method = 'trust'
      AND type = 'host' AND address = '127.0.0.1'")"
if [[ "$has_replication_line" == 0 ]]; then
    printf '# Local streaming replication (scripts/ensure-replica.sh)\nhost replication all 127.0.0.1/32 trust\n' \
        >>"$hba_file"
    on_primary 'SELECT pg_reload_conf()' >/dev/null
    say "primary: allowed local replication connections in $hba_file"
fi

if [[ -z "$existing_port" ]]; then
    say "creating cluster $version/$REPLICA_CLUSTER on port $REPLICA_PORT"
    pg_createcluster "$version" "$REPLICA_CLUSTER" --port "$REPLICA_PORT" >/dev/null
fi
conf_dir="/etc/postgresql/$version/$REPLICA_CLUSTER"
data_dir="$(pg_lsclusters --no-header | awk -v c="$REPLICA_CLUSTER" -v v="$version" \
    '$1 == v && $2 == c { print $6 }')"
primary_conf_dir="/etc/postgresql/$version/$primary_cluster"
# The standby admits the same clients as the primary, and listens where it does.
cp "$primary_conf_dir/pg_hba.conf" "$conf_dir/pg_hba.conf"
listen="$(on_primary 'SHOW listen_addresses')"
cat >"$conf_dir/conf.d/50-standby.conf" <<EOF
# A hot standby of $version/$primary_cluster (scripts/ensure-replica.sh)
listen_addresses = '$listen'
hot_standby = on
EOF
chown postgres:postgres "$conf_dir/pg_hba.conf" "$conf_dir/conf.d/50-standby.conf"

say "copying the primary (pg_basebackup -R -X stream)"
find "$data_dir" -mindepth 1 -delete
as_postgres pg_basebackup -h 127.0.0.1 -p "$PGPORT" -U "$PGUSER" -D "$data_dir" -R -X stream \
    --checkpoint=fast
ctl start
if ! follows_primary; then
    echo "replica: started but not streaming after ${WAIT_SECONDS}s; see /var/log/postgresql/" >&2
    exit 1
fi
say "up (hot standby on :$REPLICA_PORT)"
