#!/usr/bin/env bash
# layers.test.sh - the architecture's include rules (docs/architecture.md), checked on the sources:
#   src/core          includes nothing of the app, the platform, ImGui or Emscripten
#   src/app/model     includes no ImGui, no ui, no screens, no platform
#   src/app/ui        includes nothing of the app but the ui layer itself (of core only the calendar's
#                     arithmetic, core/date_input.h: plain functions)
#   src/platform      includes nothing of core or of the app's model (the App through app/app.h only)
# and that nothing in src/ declares the old global app state. Each rule is also tried on a file made
# to break it, so the check is known to fail when it should.
# Usage: layers.test.sh BUILD_DIR SOURCE_DIR
set -u
SRC="${2:?usage: layers.test.sh BUILD_DIR SOURCE_DIR}"
failures=0
checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# violations DIR PATTERN [ALLOWED]: the #include lines under DIR matching PATTERN (extended regex on
# the path), less those naming ALLOWED.
violations() {
    grep -rEn "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($2)" "$1" --include='*.cpp' --include='*.h' |
        { if [ -n "${3:-}" ]; then grep -vE "$3"; else cat; fi; } || true
}

rule() { # rule NAME DIR PATTERN [ALLOWED]
    checks=$((checks + 1))
    local found
    found=$(violations "$2" "$3" "${4:-}")
    if [ -n "$found" ]; then fail "$1:"$'\n'"$found"; else echo "ok   $1"; fi
    # The rule must see a violation planted in a copy of the folder.
    local tmp
    tmp=$(mktemp -d)
    mkdir -p "$tmp/dir"
    local planted
    planted=$(echo "$3" | sed -E 's/^\(?([^|)]*).*/\1/; s/\\//g')
    printf '#include "%sx.h"\n' "$planted" > "$tmp/dir/planted.cpp"
    checks=$((checks + 1))
    if [ -z "$(violations "$tmp/dir" "$3" "${4:-}")" ]; then fail "$1: a planted '#include \"${planted}x.h\"' was not caught"; fi
    rm -rf "$tmp"
}

rule "core includes no app, platform, ImGui or Emscripten" "$SRC/src/core" "app/|platform/|imgui|emscripten"
rule "the model includes no ImGui, ui, screens or platform" "$SRC/src/app/model" "imgui|app/ui/|app/screens/|platform/|app/app"
rule "the ui layer includes nothing of the app" "$SRC/src/app/ui" "app/model/|app/screens/|app/app|core/|platform/platform" "core/date_input\\.h"
rule "the platform includes nothing of core or the model" "$SRC/src/platform" "core/|app/model/|app/ui/|app/screens/"

checks=$((checks + 1))
globals=$(grep -rEn "\bg_app\b|extern[[:space:]]+AppState" "$SRC/src" || true)
if [ -n "$globals" ]; then fail "the old global app state is back:"$'\n'"$globals"; else echo "ok   no global app state (g_app, AppState) in src/"; fi

echo
echo "layers: $((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
