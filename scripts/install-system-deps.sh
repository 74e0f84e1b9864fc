#!/usr/bin/env bash
# Debian packages the appliance and its tests need: PortAudio for sounddevice,
# espeak-ng and sox to make test speech, systemd-analyze to check the unit.
# Installs only what is missing, so a ready machine pays nothing.
set -euo pipefail
need=()
ldconfig -p | grep -q libportaudio.so.2 || need+=(libportaudio2)
command -v espeak-ng >/dev/null || need+=(espeak-ng)
command -v sox >/dev/null || need+=(sox)
command -v systemd-analyze >/dev/null || need+=(systemd)
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing system packages: ${need[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
