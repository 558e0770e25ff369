#!/usr/bin/env bash
# Generates the TypeScript contract from proto/ into libs/contracts/src/generated.
# Output is deterministic; `npm run proto:check` regenerates and fails if the committed code is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-libs/contracts/src/generated}
mkdir -p "$out"
protos=$(find proto -name '*.proto' | LC_ALL=C sort)
npx pbjs -t static-module -w commonjs --no-verify --no-delimited --no-beautify -o "$out/shailoo.js" $protos
npx pbts --no-comments -o "$out/shailoo.d.ts" "$out/shailoo.js"
