#!/usr/bin/env bash
# Start (or reuse) a throwaway PostgreSQL cluster for the tests and print its DATABASE_URL.
#   scripts/test-postgres.sh start   -> prints DATABASE_URL=postgres://…
#   scripts/test-postgres.sh stop
# PostgreSQL refuses to run as root, so as root the server runs as the postgres user.
# fsync stays off: these clusters hold nothing worth keeping (durability tests turn it on).
# REUNIFY_TEST_PG_SETTINGS adds server settings when the server starts, e.g. for a
# benchmark at national scale: "-c shared_buffers=2GB -c max_wal_size=8GB".
set -euo pipefail

port="${REUNIFY_TEST_PG_PORT:-55432}"
root="${REUNIFY_TEST_PG_DIR:-/tmp/reunify-test-pg-$port}"
data="$root/data"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$bin" ]; then
    echo "reunify: PostgreSQL is not installed (run scripts/system-packages.sh as root)" >&2
    exit 1
fi

as_server_user() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
start)
    if [ ! -f "$data/PG_VERSION" ]; then
        mkdir -p "$root"
        [ "$(id -u)" = 0 ] && chown postgres:postgres "$root"
        as_server_user "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 \
            --locale=C.UTF-8 >"$root/initdb.log" 2>&1 \
            || { cat "$root/initdb.log" >&2; exit 1; }
    fi
    if ! as_server_user "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        as_server_user "$bin/pg_ctl" -D "$data" -l "$root/server.log" -w -t 30 start \
            -o "-p $port -k $root -c listen_addresses=127.0.0.1 -c fsync=off \
                -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 \
                ${REUNIFY_TEST_PG_SETTINGS:-}" \
            >/dev/null || { tail -n 20 "$root/server.log" >&2; exit 1; }
    fi
    echo "DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
    ;;
stop)
    as_server_user "$bin/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
