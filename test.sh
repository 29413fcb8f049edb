#!/usr/bin/env bash
# The test command: builds everything and runs the whole test suite, then prints one line of totals.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log="$(mktemp)"
dotnet test "$root/tests/Hltad.Tests/Hltad.Tests.csproj" -c Release "$@" 2>&1 \
    | tee "$log"
status=${PIPESTATUS[0]}

# Totals from the runner's summary lines ("Passed!  - Failed: 0, Passed: 12, Skipped: 1, Total: 13").
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
if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
exit "$status"
