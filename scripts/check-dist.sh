#!/usr/bin/env bash
# Fails when dist/ is not what a fresh `npm run bundle` of src/ gives (the committed bundle is what
# runs). Whatever the bundle script builds is checked; dist/ is left as the fresh bundle.
set -euo pipefail
cd "$(dirname "$0")/.."
committed=$(mktemp -d)
trap 'rm -rf "$committed"' EXIT
cp -R dist/. "$committed"
npm run --silent bundle >/dev/null
if ! diff -r --brief "$committed" dist; then
  echo "dist/ is stale: run 'npm run bundle' and commit dist/ with the source." >&2
  exit 1
fi
echo "dist/ matches a fresh bundle of src/"
