#!/usr/bin/env bash
# Renders an hltad report.html in headless Chromium, saves a screenshot, and fails if any <img> did not load.
# Usage: tools/check_report.sh REPORT.html OUT.png [WIDTHxHEIGHT]
# Needs Debian's chromium (apt-get install -y chromium). The page's inline script sets data-images-total and
# data-images-broken on <body> once it has loaded; the DOM dumped after load is checked for both.
set -euo pipefail
if [ $# -lt 2 ]; then
    echo "usage: $0 REPORT.html OUT.png [WIDTHxHEIGHT]" >&2
    exit 2
fi
report="$(realpath "$1")"
screenshot="$2"
size="${3:-1400x3000}"
browser="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$browser" ]; then
    echo "check_report: $browser not found (apt-get install -y chromium)" >&2
    exit 2
fi
if [ ! -f "$report" ]; then
    echo "check_report: no such file: $report" >&2
    exit 2
fi

profile="$(mktemp -d)"
dom="$(mktemp)"
trap 'rm -rf "$profile" "$dom"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$profile" --virtual-time-budget=20000)

# The screenshot, for a person to look at.
timeout 180 "$browser" "${flags[@]}" --screenshot="$screenshot" --window-size="${size/x/,}" "file://$report" \
    >/dev/null 2>&1
if [ ! -s "$screenshot" ]; then
    echo "check_report: chromium wrote no screenshot" >&2
    exit 1
fi

# The DOM after load: how many images are there, and how many failed to decode?
timeout 180 "$browser" "${flags[@]}" --dump-dom "file://$report" > "$dom" 2>/dev/null
total="$(grep -o 'data-images-total="[0-9]*"' "$dom" | head -n 1 | grep -o '[0-9]*' || true)"
broken="$(grep -o 'data-images-broken="[0-9]*"' "$dom" | head -n 1 | grep -o '[0-9]*' || true)"
expected="$(grep -o '<img ' "$report" | wc -l)"
if [ -z "$total" ] || [ -z "$broken" ]; then
    echo "check_report: the page's load script did not run (no data-images-* on <body>)" >&2
    exit 1
fi
if [ "$total" -ne "$expected" ]; then
    echo "check_report: the browser saw $total images, the file has $expected" >&2
    exit 1
fi
if [ "$broken" -ne 0 ]; then
    echo "check_report: $broken of $total images are broken" >&2
    exit 1
fi
echo "check_report: $total images, none broken; screenshot $screenshot"
