#!/usr/bin/env bash
# Registers an election and its devices with a tally server: examples/election.json by default.
#   OPERATOR_TOKEN=<an operator's token> bash examples/register.sh [election.json] [http://127.0.0.1:3000]
# Prints the server's answer: the election's id and definition hash, and (on a secured broker) each
# new device's broker password — given this once.
set -euo pipefail
file="${1:-$(dirname "$0")/election.json}"
server="${2:-http://127.0.0.1:3000}"
if [[ -z "${OPERATOR_TOKEN:-}" ]]; then
  echo "register.sh: set OPERATOR_TOKEN to an operator's token (the server's own OPERATOR_TOKEN, or one from \`npx shailoo-sim operator add <name>\`)" >&2
  exit 2
fi
# The answer's body is printed whatever its status (a refusal says why); a status other than 2xx fails the script.
answer="$(curl --silent --show-error -X POST -w '\n%{http_code}' \
  -H "Authorization: Bearer ${OPERATOR_TOKEN}" -H 'content-type: application/json' \
  --data-binary "@${file}" "${server}/api/elections")"
echo "${answer%$'\n'*}"
[[ "${answer##*$'\n'}" == 2* ]]
