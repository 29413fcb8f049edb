#!/usr/bin/env python3
"""Reads a world written by `hltad generate` with h5py and checks it against SEMANTICS.md section 1.

For every file: the datasets present, their shapes and dtypes (EB: 3-column e/mu/gamma and MET, weights,
run/event numbers, mu, lumiblock_bads; MC: 4-column e/mu/gamma and MET). Then a short physics summary
(weights, pileup, menu pass rates, MET -999/NaN, L1 muon et scale) and the L1AD training list.
Exits non-zero on any layout mismatch.

Run: /usr/bin/python3 tools/reference/check_generated.py DIR
"""
import os
import sys

import h5py
import numpy as np

PROCESSES = ["A14N23LO", "HAHMggfZdZd2l2nu", "HHbbttHadHad", "ZZ4lep", "Zprime2EJs", "jjJZ1", "jjJZ2", "jjJZ4",
             "qqa"]
LEPTONS = ["HLT_electrons", "HLT_muons", "HLT_photons", "LRT_electrons", "LRT_muons", "ofl_electrons", "ofl_muons",
           "ofl_photons"]


def expected(n, eb):
    c = 3 if eb else 4
    layout = {"HLT_jets": ((n, 10, 4), "float32"), "ofl_jets": ((n, 10, 4), "float32"),
              "L1_jFexSR_jets": ((n, 10, 3), "float32"), "L1_jFexLR_jets": ((n, 10, 3), "float32"),
              "HLT_MET": ((n, c), "float32"), "L1_MET": ((n, 3), "float32"),
              "pass_L1_unprescaled": ((n,), "int64"), "pass_HLT_unprescaled": ((n,), "int64"),
              "mu": ((n,), "float32")}
    for name in ["L1_egammas", "L1_muons", "L1_eFex_taus", "L1_jFex_taus"]:
        layout[name] = ((n, 6, 3), "float32")
    for name in LEPTONS:
        layout[name] = ((n, 6, c), "float32")
    if eb:
        layout.update({"EB_weights": ((n,), "float64"), "run_number": ((n,), "int64"),
                       "event_number": ((n,), "int64"), "lumiblock_bads": ((n,), "bool")})
    return layout


def check_file(path, eb):
    problems = 0
    with h5py.File(path, "r") as f:
        n = f["HLT_jets"].shape[0]
        layout = expected(n, eb)
        if sorted(f.keys()) != sorted(layout):
            print(f"  datasets differ: extra {sorted(set(f) - set(layout))}, missing {sorted(set(layout) - set(f))}")
            problems += 1
        for name, (shape, dtype) in layout.items():
            if name in f and (f[name].shape != shape or f[name].dtype != np.dtype(dtype)):
                print(f"  {name}: {f[name].shape} {f[name].dtype}, expected {shape} {dtype}")
                problems += 1
        if n == 0:
            print(f"  0 events, layout {'ok' if problems == 0 else 'WRONG'}")
            return problems
        p1, p2 = f["pass_L1_unprescaled"][()].mean(), f["pass_HLT_unprescaled"][()].mean()
        met, l1met = f["HLT_MET"][()], f["L1_MET"][()]
        jets = (f["HLT_jets"][:, :, 0] > 0).sum(axis=1).mean()
        line = (f"  {n} events, layout {'ok' if problems == 0 else 'WRONG'}; passL1 {p1:.3f} passHLT {p2:.3f}; "
                f"HLT jets/event {jets:.2f}; MET -999 {int((met[:, 0] == -999).sum())}, "
                f"NaN HLT {int(np.isnan(met).sum())} L1 {int(np.isnan(l1met).sum())}")
        print(line)
        if eb:
            w, mu = f["EB_weights"][()], f["mu"][()]
            l1mu = f["L1_muons"][:, :, 0]
            print(f"  weights {w.min():.3g} .. {w.max():.3g} (median {np.median(w):.3g}, "
                  f"w=1 for passL1: {bool(np.all(w[f['pass_L1_unprescaled'][()] == 1] == 1))}); "
                  f"mu mean {mu.mean():.1f} [{mu.min():.1f}, {mu.max():.1f}]; L1 muon et max {l1mu.max():.4f}; "
                  f"lumiblock_bads {f['lumiblock_bads'][()].mean():.3f}")
    return problems


def main():
    root = sys.argv[1]
    problems = 0
    runs = sorted(os.listdir(os.path.join(root, "EB")))
    for name in runs:
        print(f"EB/{name}")
        problems += check_file(os.path.join(root, "EB", name), True)
    for process in PROCESSES:
        name = f"{process}_ntuples.h5"
        print(f"MC/{name}")
        problems += check_file(os.path.join(root, "MC", name), False)
    with h5py.File(os.path.join(root, "L1AD_training_events.h5"), "r") as t:
        runs_t, events_t = t["run_number"][()], t["event_number"][()]
        print(f"L1AD_training_events.h5: {len(runs_t)} pairs, dtypes {t['run_number'].dtype}/{t['event_number'].dtype},"
              f" runs {sorted(set(runs_t.tolist()))}")
    total = 0
    for name in runs:
        with h5py.File(os.path.join(root, "EB", name), "r") as f:
            if f["run_number"].shape[0] > 0 and f["run_number"][0] != 475341:
                total += f["run_number"].shape[0]
    print(f"training share of the EB events outside run 475341: {len(runs_t) / max(total, 1):.3f}")
    print("layout: all files match section 1" if problems == 0 else f"layout: {problems} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
