#!/usr/bin/env bash
# Conformance checks that need tools outside Maven; .ci/run calls this after `mvn -B -ntp verify`
# (which builds pccc-conformance/target/pccc.jar). Exits non-zero on any unexpected result.
#   1. installs the Node reference adapter's packages from its lock file (npm ci);
#   2. compiles both published schemas with ajv (2020-12, strict mode) and checks every message
#      vector against the message schema (valid ones pass; invalid ones fail unless all their
#      codes are ones JSON Schema cannot express);
#   3. runs the conformance suite against the Java tool, the Node reference adapter (both must
#      pass) and the broken adapter (must fail with exit code 1).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=pccc-conformance/target/pccc.jar
VECTORS=pccc-conformance/vectors
NODE_ADAPTER=pccc-conformance/adapters/node
status=0

step() { printf '\n== %s\n' "$*"; }
unexpected() { echo "UNEXPECTED: $*" >&2; status=1; }

command -v node >/dev/null 2>&1 || { echo "ci-check: node (>= 20) and npm are required" >&2; exit 2; }
[ -f "$JAR" ] || { echo "ci-check: $JAR is missing; run 'mvn -B verify' first" >&2; exit 2; }

step "npm ci ($NODE_ADAPTER)"
(cd "$NODE_ADAPTER" && npm ci --no-audit --no-fund --loglevel=error)

step "schemas and message vectors (ajv, draft 2020-12, strict mode)"
node "$NODE_ADAPTER/schema-check.mjs" pccc-conformance/schemas "$VECTORS" || unexpected "schema check failed"

run_suite() { # $1 = label, $2 = expected exit code, $3 = adapter template
  local label=$1 expected=$2 adapter=$3 code=0
  step "conformance: $label (expect exit $expected)"
  java -jar "$JAR" conformance --adapter "$adapter" --vectors "$VECTORS" > "$REPORTS/$label.txt" 2>&1 || code=$?
  # The failures and totals; the full report is long.
  grep -E '^(FAIL|WARN|total|RESULT)|^       \|' "$REPORTS/$label.txt" | head -n 60 || true
  if [ "$code" -ne "$expected" ]; then
    unexpected "conformance against $label exited $code, expected $expected"
    tail -n 20 "$REPORTS/$label.txt"
  fi
}
REPORTS=$(mktemp -d)
trap 'rm -rf "$REPORTS"' EXIT

run_suite java 0 "java -jar $JAR"
run_suite node 0 "node $NODE_ADAPTER/adapter.mjs"
run_suite broken 1 "sh pccc-conformance/adapters/broken/adapter.sh"

if [ "$status" -eq 0 ]; then
  step "ci-check: all as expected"
else
  step "ci-check: FAILED"
fi
exit "$status"
