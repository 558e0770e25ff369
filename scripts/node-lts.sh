#!/usr/bin/env bash
# Fetches Node's binaries for a major line (24 by default) from the npm registry — the
# node-linux-<arch> packages carry the official build — into ~/.cache/shailoo-node/<version>,
# once, and prints the directory holding that `node`, for PATH. No other download is needed.
set -euo pipefail
major="${1:-24}"
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "node-lts: no Node package for $(uname -m)" >&2; exit 1 ;;
esac
version="$(npm view "node-linux-${arch}@${major}" version --json | node -e 'const v = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log([].concat(v).pop())')"
dir="${HOME}/.cache/shailoo-node/${version}"
if [ ! -x "${dir}/bin/node" ]; then
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-${arch}@${version}" >/dev/null)
  mkdir -p "$dir"
  tar xzf "$tmp"/node-linux-*.tgz -C "$dir" --strip-components=1 package/bin/node
  rm -rf "$tmp"
fi
"${dir}/bin/node" --version >&2
echo "${dir}/bin"
