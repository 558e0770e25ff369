#!/usr/bin/env bash
# Fails when libs/contracts/src/generated is not what proto/ generates now.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bash scripts/gen-proto.sh "$tmp" >/dev/null
if ! diff -r -q "$tmp" libs/contracts/src/generated >/dev/null; then
  diff -r "$tmp" libs/contracts/src/generated | head -20
  echo "proto:check: libs/contracts/src/generated is stale; run npm run proto:gen and commit the result" >&2
  exit 1
fi
echo "proto:check: generated contract is up to date"
