#!/usr/bin/env bash
# Installs (from Debian packages) and starts PostgreSQL and Mosquitto on loopback for the tests
# against real servers, then prints the environment that points the tests at them:
#   eval "$(bash scripts/test-servers.sh)"
# Runs as root (CI and the developers' machines); stop them with `bash scripts/test-servers.sh stop`;
# `bash scripts/test-servers.sh restart-postgres 3` takes PostgreSQL down for 3 s (a test's fault).
set -euo pipefail
MQTT_PORT=${TEST_MQTT_PORT:-18830}
MQTT_SECURE_PORT=${TEST_MQTT_SECURE_PORT:-18831}
PG_PORT=${TEST_PG_PORT:-55432}
PG_DIR=${TEST_PG_DIR:-/tmp/shailoo-pg}
MOSQ_CONF=/tmp/shailoo-mosquitto.conf
MOSQ_PASSWD=/tmp/shailoo-mosquitto.passwd
MOSQ_ACL=/tmp/shailoo-mosquitto-acl.conf
ROOT=$(cd "$(dirname "$0")/.." && pwd)

log() { echo "test-servers: $*" >&2; }

if [ "${1:-}" = restart-postgres ]; then
  # A fault for the tests: PostgreSQL down for ${2:-3} seconds, then up again on the same data.
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $PG_DIR stop -m fast" >&2
  sleep "${2:-3}"
  su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $PG_DIR -l $PG_DIR/server.log -o '-p $PG_PORT -c listen_addresses=127.0.0.1 -k /tmp' -w start" >&2
  exit 0
fi

if [ "${1:-}" = stop ]; then
  su postgres -s /bin/sh -c "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl -D $PG_DIR stop -m fast" >&2 || true
  pkill -f "mosquitto-start.sh $MOSQ_CONF" || true
  pkill -f "mosquitto -c $MOSQ_CONF" || true
  exit 0
fi

# openssl: test/tls.test.ts makes its CA and certificates with it.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v mosquitto >/dev/null 2>&1 || ! command -v openssl >/dev/null 2>&1; then
  log "installing postgresql, mosquitto and openssl"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql mosquitto openssl >&2
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
  # Two listeners: an open one, and one secured as deploy/broker/mosquitto.conf is (password file written
  # by the tally server under test, the ACL of deploy/broker/mosquitto-acl.conf). Copies in /tmp: Mosquitto
  # reads them as its own user. max_queued_messages: Mosquitto drops QoS 1 messages beyond 1,000
  # queued for one subscriber by default — the tally server's, during a close-of-polls burst.
  cp "$ROOT/deploy/broker/mosquitto-acl.conf" "$MOSQ_ACL"
  chmod 644 "$MOSQ_ACL"
  cat > "$MOSQ_CONF" <<CONF
per_listener_settings true
persistence false
max_queued_messages 200000
max_packet_size 1048576
persistent_client_expiration 2h
listener $MQTT_PORT 127.0.0.1
allow_anonymous true
listener $MQTT_SECURE_PORT 127.0.0.1
allow_anonymous true
password_file $MOSQ_PASSWD
acl_file $MOSQ_ACL
CONF
  rm -f "$MOSQ_PASSWD"
  setsid nohup sh "$ROOT/deploy/broker/mosquitto-start.sh" "$MOSQ_CONF" "$MOSQ_PASSWD" > /tmp/shailoo-mosquitto.log 2>&1 < /dev/null &
  for port in $MQTT_PORT $MQTT_SECURE_PORT; do
    for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
  done
  log "Mosquitto on 127.0.0.1:$MQTT_PORT (open) and 127.0.0.1:$MQTT_SECURE_PORT (password file $MOSQ_PASSWD, ACL)"
fi

echo "export TEST_DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:$PG_PORT/postgres"
echo "export TEST_MQTT_URL=mqtt://127.0.0.1:$MQTT_PORT"
echo "export TEST_MQTT_SECURE_URL=mqtt://127.0.0.1:$MQTT_SECURE_PORT"
echo "export TEST_MQTT_PASSWORD_FILE=$MOSQ_PASSWD"
