#!/usr/bin/env bash
# Fails when a document of the web app does not validate against apps/api/schema.gql, or when
# the committed apps/web/src/gql/ is not what the schema and the documents generate now.
# Generates into a temporary directory, so the check never changes the work tree.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
CODEGEN_OUT="$out/" npx graphql-codegen --config apps/web/codegen.config.ts
if ! diff -rq apps/web/src/gql "$out" >/dev/null; then
  # The generated lines are long: the start of the difference is enough to see what changed.
  { diff -ru apps/web/src/gql "$out" || true; } | cut -c1-300 | head -n 80
  echo "apps/web/src/gql/ is stale: run 'npx nx run web:codegen' and commit the result." >&2
  exit 1
fi
echo "apps/web/src/gql/ matches apps/api/schema.gql and the documents."
