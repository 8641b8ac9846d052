#!/usr/bin/env bash
# run.sh - the Quick start: set everything up, then run the app or the tests.
#
#   ./run.sh app [--port N]   build the web version and serve it on http://127.0.0.1:8080 (or N)
#   ./run.sh test             build native, web, sanitizer and fuzz builds; run every test
#   ./run.sh desktop          build and start the native desktop program
#
# Each command first runs emsdk-setup.sh (idempotent: quick when everything is installed).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
export NODE_PATH="${NODE_PATH:-}${NODE_PATH:+:}/usr/share/nodejs"

usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; }
cmd="${1:-}"
[ -n "$cmd" ] || { usage; exit 2; }
shift

setup() { bash "$ROOT/emsdk-setup.sh"; }

configure_build() { # preset [target]: without a target, everything of the preset
  echo "==> Configure and build: $1${2:+ ($2)}"
  cmake --preset "$1" >/dev/null
  cmake --build --preset "$1" ${2:+--target "$2"}
}

case "$cmd" in
  app)
    port=8080
    while [ $# -gt 0 ]; do
      case "$1" in
        --port) port="${2:?--port needs a number}"; shift 2 ;;
        *) echo "run.sh app: unknown option $1" >&2; usage; exit 2 ;;
      esac
    done
    setup
    configure_build web mf_web_version # the served folder only, not the wasm unit tests
    exec node "$ROOT/scripts/serve.mjs" --dir "$ROOT/build/web/dist" --port "$port"
    ;;
  desktop)
    setup
    configure_build native
    exec "$ROOT/build/native/mangfoldighedstjek" "$@"
    ;;
  test)
    setup
    mkdir -p "$ROOT/test-output"
    passed=0; failed=0; status=0
    for preset in native web native-sanitize fuzz; do
      configure_build "$preset"
      echo "==> Tests: $preset"
      log="$ROOT/test-output/ctest-$preset.log"
      set +e
      ctest --preset "$preset" 2>&1 | tee "$log"
      rc=${PIPESTATUS[0]}
      set -e
      [ "$rc" -eq 0 ] || status=1
      line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)
      if [ -n "$line" ]; then
        total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$line")
        nfail=$(sed -E 's/.*tests passed, ([0-9]+) tests? failed.*/\1/' <<<"$line")
        passed=$((passed + total - nfail)); failed=$((failed + nfail))
      else
        status=1
      fi
    done
    echo
    echo "All test suites (native, web, native-sanitize, fuzz): $passed passed, $failed failed"
    exit "$status"
    ;;
  -h|--help|help) usage ;;
  *) echo "run.sh: unknown command '$cmd'" >&2; usage; exit 2 ;;
esac
