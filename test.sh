#!/usr/bin/env bash
# The test command: builds everything, runs the whole test suite and a smoke study (`./hltad run --preset smoke`)
# whose report is rendered in headless Chromium, then prints one line of totals.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
"$root/tools/setup-system.sh" --tests

# 1. The unit and integration tests.
log="$(mktemp)"
dotnet test "$root/tests/Hltad.Tests/Hltad.Tests.csproj" -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
read -r passed failed skipped < <(awk '
    /Failed: *[0-9]+, *Passed: *[0-9]+, *Skipped: *[0-9]+/ {
        for (i = 1; i <= NF; i++) {
            if ($i == "Failed:") f += $(i + 1) + 0
            if ($i == "Passed:") p += $(i + 1) + 0
            if ($i == "Skipped:") s += $(i + 1) + 0
        }
    }
    END { print p + 0, f + 0, s + 0 }' "$log")
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

# 2. The smoke study: the main job end to end, then its report and results must exist.
study="$(mktemp -d)/study"
echo "smoke study: ./hltad run --preset smoke --out $study"
if ./hltad run --preset smoke --out "$study" > "$study.log" 2>&1 \
        && [ -s "$study/trial/evaluation/report.html" ] && [ -s "$study/trial/evaluation/results.json" ]; then
    echo "  PASS smoke study (report and results written)"
    passed=$((passed + 1))
else
    echo "  FAIL smoke study; its log:"
    cat "$study.log"
    failed=$((failed + 1))
    status=1
fi

# 3. Re-running into the same folder resumes: nothing is generated, matched or trained again.
if ./hltad run --preset smoke --out "$study" > "$study.again.log" 2>&1 \
        && grep -q "synthetic world already" "$study.again.log" && grep -q "matched datasets already" "$study.again.log" \
        && ! grep -q " epoch " "$study.again.log"; then
    echo "  PASS smoke study resumes without redoing its steps"
    passed=$((passed + 1))
else
    echo "  FAIL smoke study re-run did not resume; its log:"
    cat "$study.again.log"
    failed=$((failed + 1))
    status=1
fi

# 4. The smoke report in a browser: every image must load.
if [ -s "$study/trial/evaluation/report.html" ] && command -v chromium >/dev/null 2>&1; then
    if tools/check_report.sh "$study/trial/evaluation/report.html" "$study.png" > "$study.check.log" 2>&1; then
        echo "  PASS smoke report renders in Chromium with every image"
        passed=$((passed + 1))
    else
        echo "  FAIL smoke report check:"
        cat "$study.check.log"
        failed=$((failed + 1))
        status=1
    fi
else
    echo "  SKIP smoke report check (no report or no chromium)"
    skipped=$((skipped + 1))
fi

if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
exit "$status"
