#!/usr/bin/env bash
# Makes TestData/evaluation/trial/ for tests/Hltad.Tests/Pipeline/TrialReferenceTests.cs:
#  1. make_evaluation_trial.cs trains the tiny trial of trial/trial.json with hltad on the committed matched
#     test data, evaluates it and copies its score files to trial/scores/member_<k>/<tag>.h5;
#  2. evaluation_reference.py --trial evaluates hltad's preprocessed samples with those scores independently
#     (numpy/scipy) and writes trial/expected_results.json.
# Run from anywhere: tools/reference/make_evaluation_trial.sh [WORK_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
data="$root/tests/Hltad.Tests/TestData"
target_rate="$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['target_rate'])" \
    "$data/evaluation/trial/trial.json")"
cd "$root"
dotnet run tools/reference/make_evaluation_trial.cs -- "$work"
/usr/bin/python3 tools/reference/evaluation_reference.py --trial "$work/trial/preprocessed" \
    "$data/evaluation/trial/scores" "$target_rate" "$data/evaluation/trial/expected_results.json" \
    "$data/preprocessing/matched"
echo "wrote $data/evaluation/trial/expected_results.json"
