#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and benchmarks:
#   scripts/pg-cluster.sh start DIR [PORT]   initdb into DIR (owned by the postgres user), start it on
#                                            127.0.0.1:PORT (default: a free port), print its URL
#   scripts/pg-cluster.sh stop DIR           stop it (fast shutdown) and remove DIR
#   scripts/pg-cluster.sh pause DIR / resume DIR   stop and start it again, keeping the data
# Installs Debian's postgresql when no server binaries are found. As root, the server runs as the
# postgres user (initdb refuses root).
set -euo pipefail
cmd=${1:?start, stop, pause or resume}
dir=${2:?cluster folder}

bindir() {
  for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  done
  return 1
}
if ! bin=$(bindir); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bin=$(bindir)
fi
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
ctl() { as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 "$@" >/dev/null; }

case "$cmd" in
  start)
    port=${3:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
    cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 200
fsync = on
synchronous_commit = on
CONF
    echo "$port" > "$dir/port"
    ctl start
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  pause) ctl stop -m fast ;;
  resume) ctl start ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then ctl stop -m fast || true; fi
    rm -rf "$dir"
    ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
