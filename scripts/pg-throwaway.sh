#!/usr/bin/env bash
# A throwaway PostgreSQL server in a folder, for the tests and for trying the network library
# (docs/network-library.md). It listens only on a unix socket in that folder, so it clashes
# with no other server, and trusts local connections: never keep real maps in it.
# Run as root, the server runs as the unprivileged `postgres` user (else `nobody`), since
# PostgreSQL refuses to run as root.
#
# Usage: scripts/pg-throwaway.sh start DIR   starts it; prints the administrator's URI
#        scripts/pg-throwaway.sh stop DIR    stops it and removes DIR
#        scripts/pg-throwaway.sh restart DIR stops and starts it again
#        scripts/pg-throwaway.sh pause DIR   stops it, keeping DIR (a server gone away, for tests)
#        scripts/pg-throwaway.sh resume DIR  starts a paused server again
set -euo pipefail
cmd="${1:?usage: pg-throwaway.sh start|stop DIR}"
dir="${2:?usage: pg-throwaway.sh start|stop DIR}"

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "pg-throwaway: no PostgreSQL server found; install it with: apt-get install postgresql" >&2
  exit 1
fi

owner=""
if [ "$(id -u)" -eq 0 ]; then
  if id postgres >/dev/null 2>&1; then owner=postgres; else owner=nobody; fi
fi
as_owner() {
  if [ -n "$owner" ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    if [ -n "$owner" ]; then
      chown "$owner" "$dir"
      if ! runuser -u "$owner" -- test -x "$dir"; then
        echo "pg-throwaway: user $owner cannot reach $dir; choose a folder in a path it may enter (e.g. under /tmp)" >&2
        exit 1
      fi
    fi
    if ! as_owner "$bindir/initdb" -D "$dir/data" -U crosswalk_admin -A trust -E UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1; then
      echo "pg-throwaway: initdb failed; see $dir/initdb.log" >&2
      cat "$dir/initdb.log" >&2
      exit 1
    fi
    if ! as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c max_connections=200" start >/dev/null; then
      echo "pg-throwaway: the server did not start; see $dir/server.log" >&2
      cat "$dir/server.log" >&2 || true
      exit 1
    fi
    echo "postgresql://crosswalk_admin@/postgres?host=$dir"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  restart)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 60 restart >/dev/null
    ;;
  pause)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
    ;;
  resume)
    dir="$(cd "$dir" && pwd)"
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c max_connections=200" start >/dev/null
    ;;
  *)
    echo "usage: pg-throwaway.sh start|stop|restart|pause|resume DIR" >&2
    exit 2
    ;;
esac
