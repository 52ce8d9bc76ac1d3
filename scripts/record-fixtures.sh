#!/usr/bin/env bash
# Regenerates __tests__/fixtures/recorded/ by running the real tools on the fixture projects
# (each in a temp copy, so nothing is written into the repository). Run after a tool upgrade:
#   bash scripts/record-fixtures.sh
# Absolute paths in the outputs are replaced with @ROOT@ (the fixture copy's directory).
set -euo pipefail
cd "$(dirname "$0")/.."
FIX=__tests__/fixtures
OUT=$PWD/$FIX/recorded
mkdir -p "$OUT"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export PYTHONDONTWRITEBYTECODE=1 NO_COLOR=1

copy() { rm -rf "$TMP/$1"; cp -r "$FIX/$1" "$TMP/$1"; echo "$TMP/$1"; }
rooted() { sed "s#$1#@ROOT@#g"; }

# ruff format --check: JSON (ruff >= 0.9) and the --diff form older ruff falls back to.
d=$(copy format-project)
(cd "$d" && ruff format --check --no-cache --force-exclude --output-format json src || true) | rooted "$d" > "$OUT/ruff-format.json"
(cd "$d" && ruff format --check --no-cache --force-exclude --diff src 2> "$TMP/fmt.err" || true) | rooted "$d" > "$OUT/ruff-format.diff"
rooted "$d" < "$TMP/fmt.err" > "$OUT/ruff-format.diff.stderr"

# mypy -O json: the aborted first pass (syntax error), the pass without the broken file, notes.
d=$(copy mypy-syntax)
(cd "$d" && mypy -O json --strict --cache-dir "$TMP/mypy-cache" src || true) > "$OUT/mypy-syntax-pass1.jsonl"
(cd "$d" && mypy -O json --strict --cache-dir "$TMP/mypy-cache" src --exclude '(^|/)src/app/broken\.py$' || true) > "$OUT/mypy-syntax-pass2.jsonl"
d=$(copy mypy-notes)
(cd "$d" && mypy -O json --strict --cache-dir "$TMP/mypy-cache2" notes.py || true) > "$OUT/mypy-notes.jsonl"

# pytest: JUnit XML (xunit1: file and line attributes) and coverage JSON.
d=$(copy pytest-project)
(cd "$d" && COVERAGE_FILE="$TMP/.coverage" python3 -m pytest -p no:cacheprovider -o junit_family=xunit1 \
  --junitxml="$OUT/pytest-junit.xml" --cov=src --cov-report=json:"$OUT/pytest-coverage.json" \
  --cov-report= --cov-fail-under=0 -q > "$OUT/pytest-stdout.txt" || true)
d=$(copy pytest-collect)
(cd "$d" && COVERAGE_FILE="$TMP/.coverage" python3 -m pytest -p no:cacheprovider -o junit_family=xunit1 \
  --junitxml="$OUT/pytest-collect-junit.xml" -q > /dev/null || true)
sed -i "s#$TMP#@ROOT@#g" "$OUT"/pytest-*.xml "$OUT/pytest-stdout.txt"

{ ruff --version; mypy --version; python3 -m pytest --version 2>&1; python3 -m coverage --version | sed -n 1p; } > "$OUT/versions.txt"
echo "recorded into $OUT:"; ls "$OUT"
