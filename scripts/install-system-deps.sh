#!/usr/bin/env bash
# Debian packages the appliance and its tests need: PortAudio for sounddevice,
# espeak-ng and sox to make test speech, systemd-analyze to check the unit, and
# PulseAudio with its ALSA plugin as a real-time virtual sound card for the kiosk tests,
# and Chromium for the web console's browser tests.
# Installs only what is missing, so a ready machine pays nothing.
set -euo pipefail
need=()
ldconfig -p | grep -q libportaudio.so.2 || need+=(libportaudio2)
command -v espeak-ng >/dev/null || need+=(espeak-ng)
command -v sox >/dev/null || need+=(sox)
command -v systemd-analyze >/dev/null || need+=(systemd)
command -v pulseaudio >/dev/null || need+=(pulseaudio)
command -v parec >/dev/null || need+=(pulseaudio-utils)
command -v chromium >/dev/null || need+=(chromium)
[ -e /usr/lib/x86_64-linux-gnu/alsa-lib/libasound_module_pcm_pulse.so ] \
    || [ -e /usr/lib/aarch64-linux-gnu/alsa-lib/libasound_module_pcm_pulse.so ] \
    || need+=(libasound2-plugins)
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing system packages: ${need[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
