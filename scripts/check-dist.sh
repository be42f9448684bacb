#!/usr/bin/env bash
# Fails when dist/ is not what a fresh bundle of src/ gives (the committed bundle is what runs).
set -euo pipefail
cd "$(dirname "$0")/.."
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
bash scripts/bundle.sh src/index.ts "$fresh" --license licenses.txt
if ! diff -r --brief "$fresh" dist; then
  echo "dist/ is stale: run 'npm run bundle' and commit dist/ with the source." >&2
  exit 1
fi
echo "dist/ matches a fresh bundle of src/"
