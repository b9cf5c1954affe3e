#!/usr/bin/env bash
# Debian packages the tests need: Chromium for Playwright; a Docker engine (docker.io),
# busybox-static for the locally built test image and iproute2 for the test engine's bridge.
# Idempotent: does nothing when everything is already there.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb)
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
dpkg -s busybox-static >/dev/null 2>&1 || need+=(busybox-static) # static: copied into the image
command -v ip >/dev/null 2>&1 || need+=(iproute2)
if [ "${#need[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  # No system service may start during the install (the tests start their own private engine):
  # policy-rc.d answering 101 tells invoke-rc.d "not allowed"; the previous one is put back after.
  policy=/usr/sbin/policy-rc.d
  saved=""
  if [ -e "$policy" ]; then saved="$(mktemp)"; $SUDO cp -p "$policy" "$saved"; fi
  restore() {
    if [ -n "$saved" ]; then $SUDO cp -p "$saved" "$policy"; rm -f "$saved"; else $SUDO rm -f "$policy"; fi
  }
  trap restore EXIT
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
  $SUDO chmod 755 "$policy"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
