#!/usr/bin/env bash
# Installs everything Interleave needs on a fresh Debian 12 (or Ubuntu) machine, as root.
# Idempotent and quick when everything is already there:
#   1. apt packages (apt-get update only when one is missing),
#   2. Dear ImGui 1.90.1 sources from Debian trixie's *source* package into .cache/imgui
#      (see ../shared/TOOLCHAIN.md; no trixie binary package is ever installed),
#   3. npm packages of web/ (playwright-core for the browser tests).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IMGUI_VERSION="1.90.1"
IMGUI_DIR="$ROOT/.cache/imgui"

log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || die "run as root (or install sudo)"
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive

# --- 1. apt packages -----------------------------------------------------------------------------
packages=(build-essential cmake ninja-build libgtest-dev libbenchmark-dev emscripten chromium
          xz-utils dpkg-dev python3 ca-certificates fonts-dejavu-core fonttools
          python3-simpy)  # SimPy 2.3: the peer of tools/bench_asyncio.sh
# The machine may carry its own Node (e.g. NodeSource's, which bundles npm): keep it.
if ! command -v node >/dev/null 2>&1; then packages+=(nodejs npm); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
apt_updated=0
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing apt packages: ${missing[*]}"
  $SUDO apt-get update -qq
  apt_updated=1
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
else
  log "apt packages: all present"
fi

# --- 2. Dear ImGui sources -----------------------------------------------------------------------
imgui_ok() {
  [ -f "$IMGUI_DIR/imgui.h" ] && [ -f "$IMGUI_DIR/backends/imgui_impl_glfw.cpp" ] &&
    grep -q "#define IMGUI_VERSION *\"$IMGUI_VERSION\"" "$IMGUI_DIR/imgui.h"
}

# The Debian mirror this machine already uses (deb822 .sources or one-line sources.list).
debian_mirror() {
  local uri=""
  if compgen -G "/etc/apt/sources.list.d/*.sources" >/dev/null; then
    uri="$(grep -h -i '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null |
           awk '{for (i = 2; i <= NF; i++) print $i}' |
           grep -E '/debian/?$' | grep -v security | head -n1 || true)"
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri="$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^(https?|ftp):/) { print $i; break } }' \
           /etc/apt/sources.list | grep -E '/debian/?$' | grep -v security | head -n1 || true)"
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

if imgui_ok; then
  log "Dear ImGui $IMGUI_VERSION: present in .cache/imgui"
else
  log "fetching Dear ImGui $IMGUI_VERSION source (Debian trixie source package)"
  keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  if [ ! -f "$keyring" ]; then
    $SUDO apt-get install -y -qq debian-archive-keyring >/dev/null ||
      die "need $keyring (package debian-archive-keyring)"
  fi
  src_list=/etc/apt/sources.list.d/interleave-trixie-src.sources
  if [ ! -f "$src_list" ]; then
    mirror="$(debian_mirror)"
    log "adding deb-src entry for trixie ($mirror) in $src_list"
    printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: %s\n' \
      "$mirror" "$keyring" | $SUDO tee "$src_list" >/dev/null
    $SUDO apt-get update -qq
    apt_updated=1
  fi
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  fetch() { (cd "$tmp" && apt-get source -qq --download-only "imgui/trixie" >/dev/null 2>&1); }
  if ! fetch; then
    if [ "$apt_updated" = 0 ]; then $SUDO apt-get update -qq; fi
    (cd "$tmp" && apt-get source -q --download-only "imgui/trixie") ||
      die "apt-get source --download-only imgui/trixie failed"
  fi
  tarball="$(ls "$tmp"/imgui_"$IMGUI_VERSION"*.orig.tar.* 2>/dev/null | head -n1 || true)"
  [ -n "$tarball" ] || die "no imgui_${IMGUI_VERSION}*.orig.tar.* downloaded (found: $(ls "$tmp"))"
  rm -rf "$IMGUI_DIR.partial"
  mkdir -p "$IMGUI_DIR.partial"
  tar -xf "$tarball" -C "$IMGUI_DIR.partial" --strip-components=1
  rm -rf "$IMGUI_DIR"
  mv "$IMGUI_DIR.partial" "$IMGUI_DIR"
  imgui_ok || die "unpacked $tarball but $IMGUI_DIR does not look like ImGui $IMGUI_VERSION"
  log "Dear ImGui $IMGUI_VERSION unpacked into .cache/imgui"
fi

# --- 3. npm packages -----------------------------------------------------------------------------
WEB="$ROOT/web"
if [ -f "$WEB/package.json" ]; then
  command -v npm >/dev/null 2>&1 || die "node is installed but npm is not: install npm for this node"
  if [ -f "$WEB/package-lock.json" ]; then
    want="$(sha256sum "$WEB/package.json" "$WEB/package-lock.json" | sha256sum | cut -d' ' -f1)"
  else
    want="$(sha256sum "$WEB/package.json" | cut -d' ' -f1)"
  fi
  stamp="$WEB/node_modules/.interleave-setup-stamp"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    log "npm packages: up to date"
  else
    log "installing npm packages in web/"
    if [ -f "$WEB/package-lock.json" ]; then
      (cd "$WEB" && npm ci --no-audit --no-fund --loglevel=error)
    else
      (cd "$WEB" && npm install --no-audit --no-fund --loglevel=error)
    fi
    echo "$want" >"$stamp"
  fi
fi

log "done"
