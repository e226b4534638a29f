#!/usr/bin/env bash
# Installs the Debian packages the project needs, and only those that are missing.
# Usage: scripts/deps.sh [build|gui|test|bench|fuzz]  (default: test: build, GUI and test packages;
# bench adds the peer tools of bench/peer-taskwarrior.sh, which the tests never need; fuzz adds
# clang and its libFuzzer/sanitizer runtimes for tests/fuzz/run.sh)
set -euo pipefail

build_pkgs=(g++ cmake ninja-build pkg-config
  libsqlite3-dev libsqlitecpp-dev libpq-dev doctest-dev libcli11-dev nlohmann-json3-dev
  libutf8proc-dev libsodium-dev libicu-dev libcairo2-dev libpango1.0-dev libxlsxwriter-dev libzip-dev libxml2-dev libpoppler-cpp-dev fonts-liberation2)
gui_pkgs=(libimgui-dev libglfw3-dev libstb-dev libgl-dev libgl1-mesa-dri fonts-dejavu-core xdg-utils libglib2.0-dev)  # GIO: the desktop portal
test_pkgs=(xvfb xauth poppler-utils unzip postgresql libreoffice-writer-nogui
  dpkg-dev lintian desktop-file-utils appstream librsvg2-bin)  # the .deb test (rsvg-convert: the icon PNGs)
bench_pkgs=(taskwarrior hyperfine)
fuzz_pkgs=(clang libclang-rt-14-dev)

case "${1:-test}" in
  build) wanted=("${build_pkgs[@]}") ;;
  gui)   wanted=("${build_pkgs[@]}" "${gui_pkgs[@]}") ;;
  bench) wanted=("${build_pkgs[@]}" "${gui_pkgs[@]}" "${bench_pkgs[@]}") ;;
  fuzz)  wanted=("${build_pkgs[@]}" "${fuzz_pkgs[@]}") ;;
  *)     wanted=("${build_pkgs[@]}" "${gui_pkgs[@]}" "${test_pkgs[@]}") ;;
esac

missing=()
for p in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing Debian packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
    echo "These packages are missing and neither root nor sudo is available: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
