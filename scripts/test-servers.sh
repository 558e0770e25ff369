#!/usr/bin/env bash
# Installs (from Debian packages) and starts PostgreSQL and Mosquitto on loopback for the tests
# against real servers, then prints the environment that points the tests at them:
#   eval "$(bash scripts/test-servers.sh)"
# Runs as root (CI and the developers' machines); stop them with `bash scripts/test-servers.sh stop`.
set -euo pipefail
MQTT_PORT=${TEST_MQTT_PORT:-18830}
PG_PORT=${TEST_PG_PORT:-55432}
PG_DIR=${TEST_PG_DIR:-/tmp/shailoo-pg}
MOSQ_CONF=/tmp/shailoo-mosquitto.conf

log() { echo "test-servers: $*" >&2; }

if [ "${1:-}" = stop ]; then
  su postgres -s /bin/sh -c "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl -D $PG_DIR stop -m fast" >&2 || true
  pkill -f "mosquitto -c $MOSQ_CONF" || true
  exit 0
fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v mosquitto >/dev/null 2>&1; then
  log "installing postgresql and mosquitto"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql mosquitto >&2
fi
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

if ! su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $PG_DIR status" >/dev/null 2>&1; then
  rm -rf "$PG_DIR"
  mkdir -p "$PG_DIR"
  chown postgres:postgres "$PG_DIR"
  echo postgres > /tmp/shailoo-pg-pw
  chown postgres /tmp/shailoo-pg-pw
  su postgres -s /bin/sh -c "$PG_BIN/initdb -D $PG_DIR -U postgres --pwfile=/tmp/shailoo-pg-pw -A scram-sha-256 -E UTF8" >&2
  su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $PG_DIR -l $PG_DIR/server.log -o '-p $PG_PORT -c listen_addresses=127.0.0.1 -k /tmp' -w start" >&2
  log "PostgreSQL on 127.0.0.1:$PG_PORT"
fi

if ! pgrep -f "mosquitto -c $MOSQ_CONF" >/dev/null; then
  # max_queued_messages: Mosquitto drops QoS 1 messages beyond 1,000 queued for one subscriber by
  # default — the tally server's, during a close-of-polls burst (stations then recover by resending).
  printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 200000\n' "$MQTT_PORT" > "$MOSQ_CONF"
  mosquitto -c "$MOSQ_CONF" -d
  for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$MQTT_PORT) 2>/dev/null && break; sleep 0.1; done
  log "Mosquitto on 127.0.0.1:$MQTT_PORT"
fi

echo "export TEST_DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:$PG_PORT/postgres"
echo "export TEST_MQTT_URL=mqtt://127.0.0.1:$MQTT_PORT"
