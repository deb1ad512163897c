#!/usr/bin/env bash
# Try the network library with one command: starts a throwaway PostgreSQL server in a folder
# (initdb and pg_ctl; as the unprivileged `postgres` user when run as root), creates the
# database `network`, a facilitator and two district roles, initialises the library, imports
# two demo maps (one per district, one of them shared) and prints the URIs to use.
# docs/network-library.md says how to run a network for real.
#
# Usage: scripts/network-library.sh [FOLDER]     (default: a new folder under /tmp)
#        scripts/pg-throwaway.sh stop FOLDER/server   stops the server and removes it
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

cw="$root/build/src/app/crosswalk"
if [ ! -x "$cw" ]; then
  echo "Building Crosswalk first (scripts/setup.sh)..."
  scripts/setup.sh
fi
command -v psql >/dev/null || { echo "network-library: psql is missing; apt-get install postgresql" >&2; exit 1; }

folder="${1:-$(mktemp -d /tmp/crosswalk-network.XXXXXX)}"
mkdir -p "$folder"
folder="$(cd "$folder" && pwd)"
chmod 755 "$folder"
admin="$(scripts/pg-throwaway.sh start "$folder/server")"
socket="$folder/server"
uri() { echo "postgresql://$1@/network?host=$socket"; }

psql -q -v ON_ERROR_STOP=1 "$admin" <<'SQL'
CREATE DATABASE network;
CREATE ROLE facilitator LOGIN;
CREATE ROLE harbor_city LOGIN;
CREATE ROLE kestrel_bay LOGIN;
SQL

owner="$(uri crosswalk_admin)"
"$cw" library init "$owner"
"$cw" library add-district "$owner" --district "Harbor City Public Schools" --role harbor_city
"$cw" library add-district "$owner" --district "Kestrel Bay Unified School District" --role kestrel_bay
"$cw" library add-facilitator "$owner" --role facilitator
"$cw" import "$(uri harbor_city)" resources/demo/01-harbor-city.crosswalk.json >/dev/null
"$cw" import "$(uri kestrel_bay)" resources/demo/02-kestrel-bay.crosswalk.json >/dev/null
"$cw" library share "$(uri harbor_city)" --map m-harbor-city >/dev/null

cat <<EOF2

A throwaway network library is running (server folder: $socket).
  Harbor City team:  $(uri harbor_city)
  Kestrel Bay team:  $(uri kestrel_bay)
  Facilitator:       $(uri facilitator)     (reads the shared maps)
  Owner:             $owner     (adds districts and facilitators)

Try:
  $cw list '$(uri kestrel_bay)'
  $cw watch '$(uri facilitator)'
  $cw '$(uri harbor_city)'          (the app)
Stop it and remove everything:
  scripts/pg-throwaway.sh stop $socket
EOF2
