#!/usr/bin/env bash
# Installs the system packages hltad needs on a fresh Debian machine, when they are missing:
#   fonts-dejavu-core  text in the PNG plots (always)
#   chromium           rendering report.html in the report checks (with --tests)
# Does nothing when everything is present; needs root (or sudo) and apt-get otherwise.
set -uo pipefail
wanted=()
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || wanted+=(fonts-dejavu-core)
if [ "${1:-}" = "--tests" ] && ! command -v chromium >/dev/null 2>&1; then
    wanted+=(chromium)
fi
[ ${#wanted[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "hltad setup: please install ${wanted[*]} (no apt-get here)" >&2
    exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "hltad setup: installing ${wanted[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
{ $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${wanted[@]}"; } >/dev/null 2>&1 \
    || echo "hltad setup: could not install ${wanted[*]}; plots may lack text and browser checks will be skipped" >&2
exit 0
