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
if ! npx electron-vite build -c electron.config.ts; then failed_steps=$((failed_steps + 1)); fi

step "unit and integration tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest.json"
vitest_status=$?

node scripts/summarize.mjs "$failed_steps" "$vitest_status" "$reports/vitest.json"
