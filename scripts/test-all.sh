#!/usr/bin/env bash
# The README's test command: sets up and runs every check, then prints the totals on one line.
set -uo pipefail
cd "$(dirname "$0")/.."
export ELECTRON_SKIP_BINARY_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
reports=.annals-tmp/reports
mkdir -p "$reports"
failed_steps=0

step() { echo "== $*"; }

step "install"
if ! npm ci --no-audit --no-fund; then echo "0 passed, 1 failed"; exit 1; fi

step "type-check"
if ! npx tsc --noEmit -p tsconfig.json; then failed_steps=$((failed_steps + 1)); fi

step "build (electron-vite)"
is_built=1
if ! npx electron-vite build -c electron.config.ts; then failed_steps=$((failed_steps + 1)); is_built=0; fi

step "static security check (Electronegativity on the build)"
# Counted as one test in the totals; without a build there is nothing to scan, which fails it.
if [ "$is_built" = 1 ]; then
  node scripts/electronegativity.mjs --report "$reports/electronegativity.sarif"
  static_check_status=$?
else
  static_check_status=1
fi

step "unit and integration tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest.json"
vitest_status=$?

step "end-to-end tests (Playwright: browser mode in Debian's Chromium)"
# Playwright cannot download its browsers here: it drives the system Chromium (STACK.md).
chromium="${ANNALS_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update && apt-get install -y --no-install-recommends chromium
  elif [ -n "${CI:-}" ] && command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium
  else
    echo "Chromium is missing at $chromium: install Debian's package (sudo apt-get install -y chromium)"
    echo "or point ANNALS_CHROMIUM at a Chromium binary; the end-to-end tests will fail without it."
  fi
fi
# A stale report must not stand in for a run that crashed before writing one.
rm -f "$reports/playwright.json"
# The build step above has just built out/; the specs reuse it unless it failed.
ANNALS_E2E_PREBUILT=$is_built npx playwright test
playwright_status=$?

node scripts/summarize.mjs "$failed_steps" "$vitest_status" "$reports/vitest.json" "$reports/playwright.json" "$playwright_status" "$static_check_status"
