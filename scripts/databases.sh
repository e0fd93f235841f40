# Sourced by run.sh and test.sh. Provides PostgreSQL and a MySQL-compatible server, in this order of preference:
#   1. the servers named by ConnectionStrings__Postgres and ConnectionStrings__MySql, when both are set;
#   2. Docker Compose (postgres + mysql services of docker-compose.yml), when a Docker engine answers;
#   3. throwaway local servers (PostgreSQL 15+, MariaDB 10.11 from Debian's packages, installed when missing)
#      on 127.0.0.1, free ports, data under .local/db. `databases_stop` stops exactly what `databases_start` started.
# After databases_start, ConnectionStrings__Postgres / ConnectionStrings__MySql are exported and point at the
# database names given in SOLAR_PG_DATABASE / SOLAR_MYSQL_DATABASE (defaults: solarevents, solarevents_read), as
# privileged users (they create databases and run the schema step). ConnectionStrings__PostgresApp is the same
# PostgreSQL database as the app role (solarevents_app), which the API and the projector use once the schema step
# (`SolarEvents.Api.dll migrate`) has created it; the step also sets the password this string carries, if any.
# ConnectionStrings__MySqlApi and ConnectionStrings__MySqlProjector are the read-model database as the API's and the
# projector's own accounts, which the same step creates (see _db_read_model_accounts).

SOLAR_ROOT=${SOLAR_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
SOLAR_PG_DATABASE=${SOLAR_PG_DATABASE:-solarevents}
SOLAR_MYSQL_DATABASE=${SOLAR_MYSQL_DATABASE:-solarevents_read}
SOLAR_PG_APP_ROLE=solarevents_app
_db_started=""   # what to stop: "local" or "docker"

_db_log() { echo "[databases] $*" >&2; }

_db_as() { # run as a service user when root (servers refuse to run as root), else as ourselves
  local user=$1; shift
  if [ "$(id -u)" = 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

_db_free_port() { # a port nothing listens on; bash's /dev/tcp connect fails on a free port
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  return 1
}

_db_install_missing() {
  local need=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v mariadbd >/dev/null 2>&1 || need+=(mariadb-server)
  [ ${#need[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    _db_log "missing ${need[*]}: install them (apt-get install ${need[*]}) or set the connection strings"; return 1
  fi
  _db_log "installing ${need[*]} from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}

_db_wait() { # command, what
  for _ in $(seq 1 150); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  _db_log "timed out waiting for $*"; return 1
}

_db_start_local() {
  local tuning=$1 pgbin dir pgport myport mypw
  _db_install_missing || return 1
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  dir="$SOLAR_ROOT/.local/db/$$"
  mkdir -p "$dir/pg" "$dir/my"
  # Service users must reach the data folder; a clone under a private home may not allow that.
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$dir"; then
    dir=$(mktemp -d /tmp/solarevents-db.XXXXXX); chmod 755 "$dir"; mkdir -p "$dir/pg" "$dir/my"
  fi
  [ "$(id -u)" = 0 ] && { chown postgres: "$dir/pg"; chown mysql: "$dir/my"; }
  pgport=$(_db_free_port) && myport=$(_db_free_port) || return 1
  SOLAR_DB_DIR=$dir; SOLAR_PGBIN=$pgbin; _db_started=local

  local pgopts="-c listen_addresses=127.0.0.1 -c max_connections=300" myopts=()
  if [ "$tuning" = test ]; then  # durability is pointless for throwaway test data; never for ./run.sh
    pgopts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    myopts+=(--innodb-flush-log-at-trx-commit=0 --sync-binlog=0)
  fi
  _db_as postgres "$pgbin/initdb" -D "$dir/pg/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/pg/init.log" 2>&1 \
    || { _db_log "initdb failed: $dir/pg/init.log"; return 1; }
  _db_as postgres "$pgbin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/log" -w -o "-p $pgport -k $dir/pg $pgopts" start >/dev/null \
    || { _db_log "PostgreSQL did not start: $dir/pg/log"; return 1; }

  _db_as mysql mariadb-install-db --no-defaults --datadir="$dir/my/data" --auth-root-authentication-method=socket \
    --skip-test-db >"$dir/my/init.log" 2>&1 || { _db_log "mariadb-install-db failed: $dir/my/init.log"; return 1; }
  _db_as mysql setsid mariadbd --no-defaults --datadir="$dir/my/data" --socket="$dir/my/sock" --port="$myport" \
    --bind-address=127.0.0.1 --pid-file="$dir/my/pid" --log-error="$dir/my/err.log" --max-connections=500 \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci "${myopts[@]}" </dev/null >/dev/null 2>&1 &
  _db_wait mariadb-admin --no-defaults --socket="$dir/my/sock" -uroot ping || return 1

  # A password made for this run only: nothing secret is committed, nothing outlives the servers.
  mypw=$(_db_password)
  mariadb --no-defaults --socket="$dir/my/sock" -uroot -e "
    CREATE USER 'solarevents'@'127.0.0.1' IDENTIFIED BY '$mypw';
    GRANT ALL PRIVILEGES ON *.* TO 'solarevents'@'127.0.0.1' WITH GRANT OPTION;
    CREATE DATABASE IF NOT EXISTS \`$SOLAR_MYSQL_DATABASE\`;" || return 1
  "$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -qAt -c "CREATE DATABASE $SOLAR_PG_DATABASE" >/dev/null || return 1

  export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=$SOLAR_PG_DATABASE"
  # The throwaway server trusts loopback connections, so the app role needs no password here.
  export ConnectionStrings__PostgresApp="Host=127.0.0.1;Port=$pgport;Username=$SOLAR_PG_APP_ROLE;Database=$SOLAR_PG_DATABASE"
  export ConnectionStrings__MySql="Server=127.0.0.1;Port=$myport;User ID=solarevents;Password=$mypw;Database=$SOLAR_MYSQL_DATABASE"
  _db_read_model_accounts "$(_db_password)" "$(_db_password)"
  _db_log "PostgreSQL on 127.0.0.1:$pgport, MariaDB on 127.0.0.1:$myport (data in $dir)"
}

_db_start_docker() {
  _db_log "starting postgres and mysql with Docker Compose"
  (cd "$SOLAR_ROOT" && docker compose up -d --wait postgres mysql) || return 1
  _db_started=docker
  # docker-compose.yml publishes these ports on 127.0.0.1 and reads credentials from .env (see .env.example).
  [ -f "$SOLAR_ROOT/.env" ] && set -a && . "$SOLAR_ROOT/.env" && set +a
  export ConnectionStrings__Postgres="Host=127.0.0.1;Port=${POSTGRES_PORT:-55432};Username=${POSTGRES_USER:-solarevents};Password=${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env};Database=$SOLAR_PG_DATABASE"
  export ConnectionStrings__PostgresApp="Host=127.0.0.1;Port=${POSTGRES_PORT:-55432};Username=$SOLAR_PG_APP_ROLE;Password=${POSTGRES_APP_PASSWORD:?set POSTGRES_APP_PASSWORD in .env};Database=$SOLAR_PG_DATABASE"
  export ConnectionStrings__MySql="Server=127.0.0.1;Port=${MYSQL_PORT:-53306};User ID=root;Password=${MYSQL_ROOT_PASSWORD:?set MYSQL_ROOT_PASSWORD in .env};Database=$SOLAR_MYSQL_DATABASE"
  _db_read_model_accounts "${MYSQL_API_PASSWORD:?set MYSQL_API_PASSWORD in .env}" "${MYSQL_PROJECTOR_PASSWORD:?set MYSQL_PROJECTOR_PASSWORD in .env}"
}

_db_password() { head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9'; }

# ConnectionStrings__MySqlApi / __MySqlProjector: the same read-model database as ConnectionStrings__MySql, as the
# API's and the projector's own accounts (solarevents_api may read; solarevents_projector may write), which the
# schema step creates with these passwords.
_db_read_model_accounts() {
  local as_user='s/(^|;)(User ?name|User ID|UserId|User|Uid)=[^;]*//I; s/(^|;)(Password|Pwd)=[^;]*//I; s/^;//'
  local rest; rest=$(sed -E "$as_user" <<<"$ConnectionStrings__MySql")
  export ConnectionStrings__MySqlApi="$rest;User ID=solarevents_api;Password=$1"
  export ConnectionStrings__MySqlProjector="$rest;User ID=solarevents_projector;Password=$2"
}

databases_start() { # tuning: "run" (durable) or "test"
  local tuning=${1:-run}
  if [ -n "${ConnectionStrings__Postgres:-}" ] && [ -n "${ConnectionStrings__MySql:-}" ]; then
    _db_log "using the servers named by ConnectionStrings__Postgres and ConnectionStrings__MySql"
    # Unless given, the app role on the same server, without a password (servers that trust local connections).
    [ -n "${ConnectionStrings__PostgresApp:-}" ] || export ConnectionStrings__PostgresApp="$(
      sed -E "s/(^|;)(User ?name|User ID|UserId|User)=[^;]*/\\1Username=$SOLAR_PG_APP_ROLE/I; s/(^|;)Password=[^;]*;?/\\1/I" <<<"$ConnectionStrings__Postgres")"
    # Unless given, the hosts' MySQL accounts on the same server, with passwords made for this run (the schema step
    # sets them).
    [ -n "${ConnectionStrings__MySqlApi:-}" ] && [ -n "${ConnectionStrings__MySqlProjector:-}" ] ||
      _db_read_model_accounts "$(_db_password)" "$(_db_password)"
  elif command -v docker >/dev/null 2>&1 && timeout 5 docker info >/dev/null 2>&1; then
    _db_start_docker
  else
    _db_start_local "$tuning"
  fi
}

databases_stop() {
  case "$_db_started" in
    local)
      [ -f "$SOLAR_DB_DIR/my/pid" ] && mariadb-admin --no-defaults --socket="$SOLAR_DB_DIR/my/sock" -uroot shutdown >/dev/null 2>&1
      _db_as postgres "$SOLAR_PGBIN/pg_ctl" -D "$SOLAR_DB_DIR/pg/data" -m fast -w stop >/dev/null 2>&1
      rm -rf "$SOLAR_DB_DIR" ;;
    docker)
      (cd "$SOLAR_ROOT" && docker compose stop postgres mysql >/dev/null 2>&1) ;;
  esac
  _db_started=""
}
