# Installs the tools the project needs, each only when missing or at the wrong version, and
# puts them on PATH. Sourced by scripts/serve, scripts/build and scripts/test; safe to run
# again (a second run only checks versions and takes seconds).
#
# Everything comes from crates.io, the npm registry or Debian: Trunk would otherwise try to
# download tools from the internet, which is not reachable on our machines.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${JIMEI_TOOLS_DIR:-$ROOT/.tools}"
TRUNK_VERSION="0.21.14"
export PATH="$TOOLS/bin:$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[tools]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[tools] error:\033[0m %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen version locked in Cargo.lock; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_rust() {
  command -v cargo >/dev/null || die "cargo is not installed; install Rust with rustup first (https://rustup.rs)"
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    (cd "$ROOT" && rustup target add wasm32-unknown-unknown) || die "could not add the wasm32 target"
  fi
}

ensure_trunk() {
  if [ "$("$TOOLS/bin/trunk" --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION into $TOOLS (about 6 minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked --root "$TOOLS" \
      || die "could not install trunk $TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  [ -n "$want" ] || die "no wasm-bindgen version found in Cargo.lock"
  if [ "$("$TOOLS/bin/wasm-bindgen" --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    say "installing wasm-bindgen-cli $want into $TOOLS (about 5 minutes, once)"
    # Not --locked: one of its locked dependency versions is not served by the registry.
    (cd /tmp && cargo install wasm-bindgen-cli --version "$want" --root "$TOOLS") \
      || die "could not install wasm-bindgen-cli $want"
  fi
  grep -q "wasm_bindgen = \"$want\"" "$ROOT/Trunk.toml" \
    || die "Trunk.toml's [tools] wasm_bindgen must be \"$want\", the version in Cargo.lock"
}

# npm's binaryen ships a working wasm-opt (Debian's produces modules that fail to load),
# esbuild minifies the release build's JS and CSS, and
# playwright-core drives Debian's Chromium in the end-to-end tests. The release build
# (crates/xtask) runs wasm-split and wasm-bindgen as libraries, which cargo builds itself.
ensure_node_packages() {
  command -v npm >/dev/null || ensure_apt nodejs npm
  if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/node_modules/playwright-core" ] \
    || [ ! -d "$ROOT/node_modules/esbuild" ] \
    || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing npm packages (binaryen, esbuild, playwright-core, axe-core)"
    (cd "$ROOT" && npm ci --no-audit --no-fund) || die "npm ci failed"
  fi
}

# Installs Debian packages when any of them is missing.
ensure_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "need root or sudo to install: ${missing[*]}"
    sudo="sudo"
  fi
  say "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

ensure_browser() {
  ensure_apt chromium chromium-driver fonts-noto-cjk
  [ -x /usr/bin/chromium ] || die "/usr/bin/chromium is missing after install"
  [ -x /usr/bin/chromedriver ] || die "/usr/bin/chromedriver is missing after install"
}

# What the release build needs (scripts/build, cargo xtask build).
ensure_build_tools() {
  ensure_rust
  ensure_node_packages
}

# What development builds need (scripts/serve): Trunk, and wasm-bindgen's command line, which
# Trunk runs. The component tests use its wasm-bindgen-test-runner.
ensure_dev_tools() {
  ensure_build_tools
  ensure_trunk
  ensure_wasm_bindgen
}
