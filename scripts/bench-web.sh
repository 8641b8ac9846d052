#!/usr/bin/env bash
# bench-web.sh - builds the web release preset, then runs the web benchmark (scripts/bench-web.mjs):
# our app against a SurveyJS page with the same questionnaire, in headless Chromium.
#   scripts/bench-web.sh [--runs 5] [--dist build/web/dist]
# Needs node_modules (npm ci with PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1) and /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
cmake --preset web
cmake --build --preset web -j2
exec node scripts/bench-web.mjs "$@"
