#!/usr/bin/env bash
# Runs every test of the repository (the C# suites and the infra suite) and ends with one line of totals,
# "N passed, N failed", over all of them. Exits non-zero when anything failed or could not run.
set -uo pipefail
cd "$(dirname "$0")"

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
passed=0
failed=0
status=0

# C#: every test project of the solution; each prints one summary line "Passed!|Failed! - Failed: N, Passed: N, ...".
if dotnet test ApimAiGateway.sln --configuration Release --nologo 2>&1 | tee "$results/dotnet.log"; then :; else status=1; fi
while read -r f p; do
  passed=$((passed + p))
  failed=$((failed + f))
done < <(sed -n 's/.*\(Passed\|Failed\)! *- Failed: *\([0-9]*\), Passed: *\([0-9]*\),.*/\2 \3/p' "$results/dotnet.log")

# Infra: the Pulumi program's type check and its tests with Pulumi's mocks (node's test runner, TAP output).
if [ -f infra/package.json ]; then
  if (cd infra && npm ci --no-audit --no-fund --loglevel=error && npm test) >"$results/infra.log" 2>&1; then :; else status=1; fi
  cat "$results/infra.log"
  p=$(grep -E '^# pass [0-9]+' "$results/infra.log" | tail -n 1 | awk '{print $3}')
  f=$(grep -E '^# fail [0-9]+' "$results/infra.log" | tail -n 1 | awk '{print $3}')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
fi

# A suite that could not build or start counts as a failure even though it reported no failed test.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
