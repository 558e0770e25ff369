#!/bin/sh
# Starts Mosquitto on the password file the tally server writes (BROKER_PASSWORD_FILE), and reloads
# it (SIGHUP) whenever the server rewrites that file: its first line changes with every write.
# Used by docker-compose.yml and scripts/test-servers.sh.
#   mosquitto-start.sh <mosquitto.conf> <password file>
set -eu
conf=$1
passwd=$2
[ -f "$passwd" ] || : > "$passwd"
chmod 644 "$passwd"
mosquitto -c "$conf" &
pid=$!
trap 'kill "$pid" 2>/dev/null' TERM INT
last=$(head -n 1 "$passwd")
while kill -0 "$pid" 2>/dev/null; do
  sleep 0.3
  now=$(head -n 1 "$passwd" 2>/dev/null || true)
  if [ "$now" != "$last" ]; then
    last=$now
    kill -HUP "$pid"
  fi
done
wait "$pid"
