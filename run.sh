#!/usr/bin/env bash
# run.sh - the Quick start: set everything up, then run the app or the tests.
#
#   ./run.sh app [--port N]   build the web version and serve it on http://127.0.0.1:8080 (or N)
#   ./run.sh test             build the web, native and sanitizer builds (the last with the fuzz
#                             targets); run every test (each preset's tests run as soon as it is
#                             built, while the next preset builds)
#   ./run.sh desktop          build and start the native desktop program
#
# Each command first runs emsdk-setup.sh (idempotent: quick when everything is installed).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
export NODE_PATH="${NODE_PATH:-}${NODE_PATH:+:}/usr/share/nodejs"

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; }
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
    # The presets are built one after another, the web first: its browser tests are the longest
    # (about four minutes of mostly waiting for pages), and they run while the native and sanitizer
    # builds go on. Each preset's tests start as soon as its build is done, one job per core. The
    # builds and the unit tests run under nice, so the browser tests keep their pace.
    # Every test's output is printed, a preset at a time, once its tests have finished.
    # docs/performance.md ("CI time") has the figures.
    t0=$SECONDS
    setup
    timings=("setup (emsdk-setup.sh) $((SECONDS - t0)) s")
    out="$ROOT/test-output"
    mkdir -p "$out"
    presets=(web native native-sanitize)
    jobs=$(nproc)
    rm -f "$out"/ctest-*.log "$out"/ctest-*.rc "$out"/ctest-*.time
    trap 'kill $(jobs -p) 2>/dev/null || true' EXIT

    run_tests() { # preset
      local log="$out/ctest-$1.log" begin=$SECONDS rc=0 niceness=10
      [ "$1" = web ] && niceness=0
      nice -n "$niceness" ctest --preset "$1" -j "$jobs" >"$log" 2>&1 || rc=$?
      echo "$((SECONDS - begin))" >"$out/ctest-$1.time"
      echo "$rc" >"$out/ctest-$1.rc"
    }
    printed=()
    print_finished() { # prints the logs of presets whose tests are done, in order
      local p
      for p in "${presets[@]}"; do
        [ -e "$out/ctest-$p.rc" ] || return 0
        [[ " ${printed[*]} " == *" $p "* ]] && continue
        echo "==> Tests: $p"
        cat "$out/ctest-$p.log"
        printed+=("$p")
      done
    }

    for preset in "${presets[@]}"; do
      print_finished
      begin=$SECONDS
      echo "==> Configure and build: $preset"
      cmake --preset "$preset" >/dev/null
      nice -n 10 cmake --build --preset "$preset"
      timings+=("build $preset $((SECONDS - begin)) s (from $((begin - t0)) s)")
      run_tests "$preset" &
    done
    while [ "$(ls "$out"/ctest-*.rc 2>/dev/null | wc -l)" -lt "${#presets[@]}" ]; do
      sleep 2
      print_finished
    done
    wait
    print_finished

    passed=0; failed=0; status=0
    for preset in "${presets[@]}"; do
      log="$out/ctest-$preset.log"
      [ "$(cat "$out/ctest-$preset.rc")" -eq 0 ] || status=1
      timings+=("tests $preset $(cat "$out/ctest-$preset.time") s")
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
    echo "==> Time ($jobs cores, load average now $(cut -d' ' -f1-3 /proc/loadavg)):"
    printf '    %s\n' "${timings[@]}" "total $((SECONDS - t0)) s"
    echo
    echo "All test suites (web, native, native-sanitize): $passed passed, $failed failed"
    exit "$status"
    ;;
  -h|--help|help) usage ;;
  *) echo "run.sh: unknown command '$cmd'" >&2; usage; exit 2 ;;
esac
