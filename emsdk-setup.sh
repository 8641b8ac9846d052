#!/usr/bin/env bash
# emsdk-setup.sh - installs everything Mangfoldighedstjek needs to build, run and test.
#
# Idempotent and non-interactive. Run it as root or as a user with sudo. It prints every step, and any
# failure stops it with a message that says what failed and what to do.
#
# What it installs (versions pinned where we choose them):
#   - Debian packages (apt): Emscripten, GLFW, nlohmann-json, GoogleTest, Chromium, Noto fonts,
#     fonttools, Xvfb and the usual build tools.
#   - Dear ImGui 1.90.1 sources, from Debian trixie's source package (orig tarball checked by
#     SHA-256), into third_party/imgui-1.90.1 (ignored by git).
#   - A subset of Noto Sans (Latin-1 plus typographic punctuation) into third_party/fonts.
#   - nlohmann/json's header copied to third_party/include for the wasm build (the Emscripten
#     toolchain must not see /usr/include).
#   - npm test tools from package.json/package-lock.json into node_modules (npm ci).
#
# Machines without apt: install Emscripten through emsdk (emcc on PATH), plus cmake, a C++17
# compiler, GLFW, nlohmann-json, GoogleTest sources, Chromium, Python 3 with fonttools, node and npm;
# then run this script with MF_SKIP_APT=1 and MF_IMGUI_TARBALL=/path/to/imgui_1.90.1+ds.orig.tar.xz.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
THIRD="$ROOT/third_party"
IMGUI_VERSION="1.90.1"
IMGUI_DEB_VERSION="1.90.1+ds"
IMGUI_ORIG_SHA256="ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c"
APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config git python3 python3-fonttools python3-jsonschema python3-icalendar
  emscripten binaryen libglfw3-dev libgl-dev nlohmann-json3-dev libgtest-dev googletest
  clang libclang-rt-14-dev
  chromium fonts-noto-core xvfb xz-utils ca-certificates poppler-utils
)

step() { printf '\n==> %s\n' "$*"; }
die()  { printf '\nemsdk-setup.sh: FAILED: %s\n' "$1" >&2; [ $# -gt 1 ] && printf '  What to do: %s\n' "$2" >&2; exit 1; }
trap 'die "the command on line $LINENO stopped with an error (see above)" "fix the cause shown above and run emsdk-setup.sh again; it resumes where it stopped"' ERR

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || die "not running as root and sudo is not installed" "run this script as root, or install sudo"
  SUDO="sudo"
fi

# ---------------------------------------------------------------------------------------------
# 1. Debian packages
# ---------------------------------------------------------------------------------------------
missing_packages() {
  local p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
  command -v node >/dev/null 2>&1 || echo nodejs
  command -v npm  >/dev/null 2>&1 || echo npm
}

if [ "${MF_SKIP_APT:-0}" = "1" ]; then
  step "Skipping apt (MF_SKIP_APT=1)"
elif command -v apt-get >/dev/null 2>&1; then
  mapfile -t TODO < <(missing_packages)
  if [ ${#TODO[@]} -eq 0 ]; then
    step "Debian packages: all present"
  else
    step "Debian packages: installing ${TODO[*]}"
    $SUDO apt-get update -q || die "apt-get update failed" "check that this machine reaches its Debian mirror"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${TODO[@]}" \
      || die "apt-get install failed for: ${TODO[*]}" "read apt's message above; on a non-Debian system install these yourself and use MF_SKIP_APT=1"
  fi
else
  die "apt-get not found" "install the packages listed at the top of emsdk-setup.sh (or use emsdk), then run with MF_SKIP_APT=1"
fi

# ---------------------------------------------------------------------------------------------
# 2. Emscripten: use emcc from PATH (apt or emsdk). Debian's emcc needs acorn from /usr/share/nodejs.
# ---------------------------------------------------------------------------------------------
step "Emscripten"
command -v emcc >/dev/null 2>&1 || die "emcc is not on PATH" "install the Debian package 'emscripten' or activate emsdk (source emsdk_env.sh)"
export NODE_PATH="${NODE_PATH:-}${NODE_PATH:+:}/usr/share/nodejs"
# Read the whole output: `emcc --version | head -n 1` can die of a broken pipe under pipefail.
EMCC_VERSION="$(emcc --version 2>&1)" || die "emcc --version failed: $EMCC_VERSION" "check the Emscripten installation"
echo "    ${EMCC_VERSION%%$'\n'*}"

# ---------------------------------------------------------------------------------------------
# 3. Dear ImGui sources (pinned 1.90.1 from Debian trixie's source package)
# ---------------------------------------------------------------------------------------------
IMGUI_DIR="$THIRD/imgui-$IMGUI_VERSION"
if [ -f "$IMGUI_DIR/imgui.cpp" ] && [ -f "$IMGUI_DIR/backends/imgui_impl_opengl3.cpp" ]; then
  step "Dear ImGui $IMGUI_VERSION: present in third_party/"
else
  step "Dear ImGui $IMGUI_VERSION: fetching Debian's source package"
  mkdir -p "$THIRD/downloads"
  TARBALL="${MF_IMGUI_TARBALL:-$THIRD/downloads/imgui_${IMGUI_DEB_VERSION}.orig.tar.xz}"
  if [ ! -f "$TARBALL" ]; then
    # A deb-src entry for trixie, derived from the Debian mirror this machine already uses.
    SRC_LIST=/etc/apt/sources.list.d/mangfoldighedstjek-trixie-src.sources
    if [ ! -f "$SRC_LIST" ]; then
      URI=$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -n 1 || true)
      [ -n "$URI" ] || URI=$(grep -hE '^deb ' /etc/apt/sources.list 2>/dev/null | grep -v security | awk '{print ($2 ~ /^\[/) ? $3 : $2}' | head -n 1 || true)
      [ -n "$URI" ] || die "could not find the Debian mirror in /etc/apt/sources.list(.d)" "set MF_IMGUI_TARBALL to a downloaded imgui_${IMGUI_DEB_VERSION}.orig.tar.xz"
      echo "    adding deb-src trixie from $URI"
      printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$URI" \
        | $SUDO tee "$SRC_LIST" >/dev/null
      $SUDO apt-get update -q || die "apt-get update with the trixie deb-src entry failed" "check $SRC_LIST"
    fi
    DL=$(mktemp -d)
    ( cd "$DL" && chmod 777 . && apt-get source --download-only "imgui/trixie" ) \
      || die "apt-get source imgui/trixie failed" "check the deb-src entry in $SRC_LIST, or set MF_IMGUI_TARBALL"
    mv "$DL/imgui_${IMGUI_DEB_VERSION}.orig.tar.xz" "$TARBALL" \
      || die "the source package did not contain imgui_${IMGUI_DEB_VERSION}.orig.tar.xz" "trixie may have moved on; set MF_IMGUI_TARBALL to the 1.90.1 tarball"
    rm -rf "$DL"
  fi
  echo "$IMGUI_ORIG_SHA256  $TARBALL" | sha256sum -c --quiet - \
    || die "SHA-256 of $TARBALL does not match the pinned Dear ImGui $IMGUI_VERSION" "delete it and run again"
  rm -rf "$IMGUI_DIR" && mkdir -p "$THIRD"
  tar -xJf "$TARBALL" -C "$THIRD"
  [ -f "$IMGUI_DIR/imgui.cpp" ] || die "unpacking did not produce $IMGUI_DIR/imgui.cpp" "delete third_party/ and run again"
fi

# ---------------------------------------------------------------------------------------------
# 4. nlohmann/json header for the wasm build
# ---------------------------------------------------------------------------------------------
step "nlohmann/json header for the wasm build"
[ -f /usr/include/nlohmann/json.hpp ] || die "/usr/include/nlohmann/json.hpp missing" "install nlohmann-json3-dev"
mkdir -p "$THIRD/include"
# Copied only when it differs, and with the system's timestamps: a fresh copy on every run made the
# whole web build compile again at each `./run.sh app`.
if ! diff -rq /usr/include/nlohmann "$THIRD/include/nlohmann" >/dev/null 2>&1; then
    rm -rf "$THIRD/include/nlohmann" && cp -a /usr/include/nlohmann "$THIRD/include/nlohmann"
fi

# ---------------------------------------------------------------------------------------------
# 5. Fonts: subset Noto Sans as assets/font-subset.json defines it (which faces, which characters,
#    which tables are dropped: Dear ImGui applies no kerning or other layout features and reads no
#    names, so GPOS/GSUB/GDEF/kern, gasp and the name strings go; 3 KB gzip less).
# ---------------------------------------------------------------------------------------------
FONT_DEF="$ROOT/assets/font-subset.json"
font_def() { /usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]] if sys.argv[2] != "faces" else " ".join(json.load(open(sys.argv[1]))["faces"]))' "$FONT_DEF" "$1"; }
FONT_RANGES="$(font_def unicodes)"
FONT_DROP="$(font_def drop_tables)"
mkdir -p "$THIRD/fonts"
for face in $(font_def faces); do
  out="$THIRD/fonts/$(font_def output | sed "s/{face}/$face/")"
  src="$(font_def source | sed "s/{face}/$face/")"
  [ -f "$src" ] || die "$src missing" "install fonts-noto-core"
  if [ ! -f "$out" ] || [ "$src" -nt "$out" ] || [ "$0" -nt "$out" ] || [ "$FONT_DEF" -nt "$out" ]; then
    step "Font: subsetting Noto Sans $face"
    /usr/bin/python3 -m fontTools.subset "$src" --unicodes="$FONT_RANGES" --output-file="$out" \
      --layout-features='' --no-hinting --desubroutinize --name-IDs='' \
      --drop-tables+="$FONT_DROP" \
      || die "pyftsubset failed for $src" "install python3-fonttools (it provides the fontTools.subset module for /usr/bin/python3)"
  fi
done
ls -l "$THIRD"/fonts/*.ttf

# ---------------------------------------------------------------------------------------------
# 6. npm test tools (playwright-core drives Debian's Chromium; never downloads a browser)
# ---------------------------------------------------------------------------------------------
step "npm test tools (npm ci)"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -d "$ROOT/node_modules/playwright-core" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  ( cd "$ROOT" && npm ci --no-audit --no-fund ) || die "npm ci failed" "check that the npm registry is reachable"
else
  echo "    node_modules up to date"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing" "install the Debian package chromium"

step "Set-up complete"
