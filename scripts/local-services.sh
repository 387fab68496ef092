#!/usr/bin/env bash
# Makes sure a MongoDB-compatible server and Redis answer at MONGODB_URI and REDIS_URL.
# Uses what already answers; else starts mongod if installed, else FerretDB 1.24.2 (SQLite
# backend, data under .data/); starts redis-server if Redis does not answer.
# Idempotent and safe to run twice: quiet on success, one clear line on failure.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
data="$root/.data"
ferret_version=v1.24.2
ferret_bin="${XDG_CACHE_HOME:-$HOME/.cache}/dubanzhushou/ferretdb-$ferret_version/ferretdb"

fail() { echo "local-services: $*" >&2; exit 1; }

# Settings: the environment first, then .env, then the development defaults.
setting() {
  local name=$1 fallback=$2 value="${!1:-}"
  if [ -z "$value" ] && [ -f .env ]; then
    value=$(sed -n "s/^$name=//p" .env | tail -n 1)
  fi
  echo "${value:-$fallback}"
}
mongo_uri=$(setting MONGODB_URI mongodb://127.0.0.1:27017/dubanzhushou)
redis_url=$(setting REDIS_URL redis://127.0.0.1:6379)

[ -d node_modules/mongodb ] || fail "run 'npm ci' first (node_modules is missing)"
answers() { node scripts/ping-services.mjs "$1" "$2" 2>/dev/null; }

# host:port of a URL such as mongodb://user:pw@127.0.0.1:27017/db
host_port() { echo "$1" | sed -E 's#^[a-z+]+://([^@/]*@)?([^/?]+).*#\2#'; }
is_local() { case "${1%:*}" in 127.0.0.1 | localhost | '[::1]') return 0 ;; *) return 1 ;; esac; }

wait_for() {
  local kind=$1 url=$2 what=$3 log=$4
  for _ in $(seq 1 60); do
    answers "$kind" "$url" && return 0
    sleep 0.5
  done
  fail "$what did not answer at $url within 30 s; see $log"
}

build_ferretdb() {
  [ -x "$ferret_bin" ] && return 0
  command -v go >/dev/null || fail "neither mongod nor Go is installed: cannot start a MongoDB-compatible server"
  echo "local-services: installing FerretDB $ferret_version (once)" >&2
  # `go install` fetches the module (and its dependencies) into the module cache. The binary it
  # builds panics at start, because the module zip lacks build/version/version.txt, so the
  # same source is built again with that file written in.
  go install "github.com/FerretDB/FerretDB/cmd/ferretdb@$ferret_version" >/dev/null 2>&1 ||
    fail "go install github.com/FerretDB/FerretDB/cmd/ferretdb@$ferret_version failed"
  local src
  src=$(go mod download -json "github.com/FerretDB/FerretDB@$ferret_version" | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')
  [ -d "$src" ] || fail "FerretDB source not found in the Go module cache"
  local work
  work=$(mktemp -d)
  cp -r "$src/." "$work" && chmod -R u+w "$work"
  echo "$ferret_version" >"$work/build/version/version.txt"
  mkdir -p "$(dirname "$ferret_bin")"
  (cd "$work" && go build -o "$ferret_bin" ./cmd/ferretdb) || fail "building FerretDB failed"
  rm -rf "$work"
}

start_mongo() {
  local address
  address=$(host_port "$mongo_uri")
  is_local "$address" || fail "MongoDB does not answer at $address and it is not local: start it there"
  local port=${address##*:}
  mkdir -p "$data"
  if command -v mongod >/dev/null; then
    mkdir -p "$data/mongod"
    mongod --dbpath "$data/mongod" --bind_ip 127.0.0.1 --port "$port" --fork \
      --logpath "$data/mongod.log" >/dev/null || fail "mongod did not start; see $data/mongod.log"
    wait_for mongo "$mongo_uri" mongod "$data/mongod.log"
    return
  fi
  build_ferretdb
  mkdir -p "$data/ferretdb"
  setsid nohup "$ferret_bin" --handler=sqlite --sqlite-url="file:$data/ferretdb/" \
    --listen-addr="127.0.0.1:$port" --state-dir="$data/ferretdb" --telemetry=disable \
    --debug-addr=- --log-level=WARN >>"$data/ferretdb.log" 2>&1 &
  wait_for mongo "$mongo_uri" FerretDB "$data/ferretdb.log"
}

start_redis() {
  local address
  address=$(host_port "$redis_url")
  is_local "$address" || fail "Redis does not answer at $address and it is not local: start it there"
  command -v redis-server >/dev/null || fail "Redis does not answer and redis-server is not installed"
  mkdir -p "$data/redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "${address##*:}" --dir "$data/redis" \
    --save '' --appendonly no --logfile "$data/redis.log" >/dev/null ||
    fail "redis-server did not start; see $data/redis.log"
  wait_for redis "$redis_url" redis-server "$data/redis.log"
}

answers mongo "$mongo_uri" || start_mongo
answers redis "$redis_url" || start_redis
