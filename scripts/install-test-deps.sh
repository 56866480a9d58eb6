#!/usr/bin/env bash
# Installs from Debian what the test suite needs and the machine lacks. Safe to run again.
set -euo pipefail

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
# The image needs a static busybox: the dynamic one from the busybox package would not run in it.
dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q 'install ok installed' || need+=(busybox-static)
command -v docker >/dev/null 2>&1 || need+=(docker.io)
# The browser tests drive Debian's Chromium through Playwright (Playwright's own browser download cannot work here).
[[ -x /usr/bin/chromium ]] || need+=(chromium)

if [[ ${#need[@]} -eq 0 ]]; then exit 0; fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-test-deps: need root or sudo to install: ${need[*]}" >&2; exit 1; }
  SUDO=sudo
fi
echo "install-test-deps: installing ${need[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
