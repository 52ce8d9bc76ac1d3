#!/usr/bin/env bash
# The whole test suite: dist staleness, typecheck, lint, then jest (unit, integration with the
# real Python tools, end to end through the local GitHub harness). Ends with the line
# "N passed, N failed, N skipped" counting the steps above as tests too.
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0 failed=0
step() {
  local name=$1; shift
  if "$@" >".cache/step-$name.log" 2>&1; then
    passed=$((passed + 1)); echo "ok   $name"
  else
    failed=$((failed + 1)); echo "FAIL $name"; tail -n 40 ".cache/step-$name.log"
  fi
}
mkdir -p .cache
check_dist() { npm run -s bundle && git diff --exit-code --stat -- dist/ && test -z "$(git status --porcelain -- dist/)"; }
step check-dist check_dist
step typecheck npx tsc --noEmit -p tsconfig.json
step lint npx eslint .
counts=.cache/jest-counts.txt
rm -f "$counts"
PYMAINT_COUNT_FILE=$counts NODE_OPTIONS=--experimental-vm-modules npx jest --ci "$@"
jest_rc=$?
read -r jp jf js < "$counts" 2>/dev/null || { jp=0; jf=1; js=0; }
[ $jest_rc -ne 0 ] && [ "$jf" = 0 ] && jf=1
echo
echo "$((passed + jp)) passed, $((failed + jf)) failed, $js skipped"
[ $failed -eq 0 ] && [ $jest_rc -eq 0 ]
