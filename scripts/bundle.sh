#!/usr/bin/env bash
# Bundles an entry the way the action ships: ncc (ESM; every `import()` becomes a chunk loaded
# only when that code runs), then each JavaScript file minus its whitespace and comments. Names
# and code stay as written: it only makes less text for V8 to read at every start (dist/ is
# then a third smaller). Used by `npm run bundle`, check-dist and the bench's floor.
# ncc runs in the entry's directory when that has a tsconfig.json of its own (src/ has, for the
# `paths` only the action's bundle takes), else in the project's.
# Usage: scripts/bundle.sh <entry> <out dir> [ncc options]
set -euo pipefail
cd "$(dirname "$0")/.."
entry=$1
out=$2
shift 2
bin=node_modules/.bin
root=$PWD
rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
here=$(dirname "$entry")
[[ -f "$here/tsconfig.json" ]] || here=.
(cd "$here" && "$root/$bin/ncc" build "$root/$entry" -o "$out" "$@" >/dev/null)
for file in "$out"/*.js; do
  # No tsconfig: the output must not depend on where it is written (check-dist writes to /tmp).
  "$bin/esbuild" "$file" --minify-whitespace --tsconfig-raw={} --log-level=warning \
    --allow-overwrite --outfile="$file"
done
