#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine: npm packages, the Python tools from the
# machine's local index, bandit and chromium from Debian, and Node 24 (to run the bundle on the
# runtime it ships for). Idempotent: each step is skipped when already satisfied.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# The configured index is local; name it explicitly so pip never waits on the default index.
pip_index=()
for d in /opt/pypi/simple /opt/pypi-more/simple; do
  [ -d "$d" ] && { [ ${#pip_index[@]} -eq 0 ] && pip_index+=(--index-url "file://$d") || pip_index+=(--extra-index-url "file://$d"); }
done
need_py=0
for m in ruff mypy pytest pytest_cov coverage; do python3 -c "import $m" 2>/dev/null || need_py=1; done
if [ $need_py = 1 ]; then
  python3 -m pip install --quiet "${pip_index[@]}" ruff mypy pytest pytest-cov coverage
fi

apt_need=()
command -v bandit >/dev/null || apt_need+=(bandit)
command -v chromium >/dev/null || apt_need+=(chromium)
if [ ${#apt_need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${apt_need[@]}" >/dev/null
fi

if [ ! -x .cache/node24/node_modules/node/bin/node ]; then
  mkdir -p .cache/node24
  npm install --silent --no-audit --no-fund --prefix .cache/node24 node@24 >/dev/null
fi
