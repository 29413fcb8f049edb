#!/usr/bin/env python3
"""Independent numpy implementation of the match step (SEMANTICS.md sections 2-4) on the shared fixtures.

It reads ../shared/fixtures/ntuples with h5py, builds the (16, 3) event arrays and the Topo2A vectors, scores
them with the L1AD network evaluated node by node in numpy from the ONNX initializers (onnxruntime is not
installed for Python), splits the events into tags and writes compact golden data for the C# tests:

  tests/Hltad.Tests/TestData/matching/fixtures_golden.json
    per tag: event count, SHA-256 of every dataset's little-endian bytes (exact equality), float64 sums,
    full HLT_data/L1_data rows for a few chosen rows, and every L1AD score;
    plus masked-mse scores of the first rows of EB_473255 with the l1ad_linear44.onnx test model.

Run:    /usr/bin/python3 tools/reference/match_fixtures.py [--check DIR]
        --check DIR compares a directory of <tag>.h5 written by `hltad match` against this implementation.
"""
import argparse
import hashlib
import json
import os
import sys

import h5py
import numpy as np
import onnx
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
FIXTURES = os.path.normpath(os.path.join(REPO, "..", "shared", "fixtures"))
OUT = os.path.join(REPO, "tests", "Hltad.Tests", "TestData", "matching")
NO_HLT_RUN = 475341
CHOSEN_ROWS = (0, 1, 7, -1)


# ---- ONNX graph evaluated in numpy ------------------------------------------------------------------------

def run_onnx(path, x):
    model = onnx.load(path)
    values = {init.name: numpy_helper.to_array(init) for init in model.graph.initializer}
    values[model.graph.input[0].name] = x
    for node in model.graph.node:
        attrs = {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}
        ins = [values[name] for name in node.input if name]
        if node.op_type == "Gemm":
            a, b = ins[0], ins[1]
            if attrs.get("transA", 0):
                a = a.T
            if attrs.get("transB", 0):
                b = b.T
            y = np.float32(attrs.get("alpha", 1.0)) * (a @ b)
            if len(ins) > 2:
                y = y + np.float32(attrs.get("beta", 1.0)) * ins[2]
        elif node.op_type == "MatMul":
            y = ins[0] @ ins[1]
        elif node.op_type == "Add":
            y = ins[0] + ins[1]
        elif node.op_type == "LeakyRelu":
            alpha = np.float32(attrs.get("alpha", 0.01))
            y = np.where(ins[0] >= 0, ins[0], alpha * ins[0])
        elif node.op_type == "Relu":
            y = np.maximum(ins[0], 0)
        elif node.op_type == "Cast":
            y = ins[0].astype(np.float32)
        else:
            raise SystemExit(f"op {node.op_type} not implemented in the reference")
        values[node.output[0]] = y.astype(np.float32)
    return values[model.graph.output[0].name]


# ---- sections 2 and 3 ------------------------------------------------------------------------------------

def objects(f, name, k):
    a = f[name][()].astype(np.float32)
    cols = [0, 1, 2] if a.shape[2] == 3 else [0, 2, 3]
    return a[:, :k][:, :, cols]


def met(f, name):
    a = f[name][()].astype(np.float32)
    cols = [0, 1, 2] if a.shape[1] == 3 else [0, 2, 3]
    return a[:, cols][:, None, :]


def event_arrays(f, jets, ele, mu, pho, missing):
    parts = [objects(f, jets, 6), objects(f, ele, 3), objects(f, mu, 3), objects(f, pho, 3), met(f, missing)]
    return np.concatenate(parts, axis=1)


def topo2a(f):
    jets = objects(f, "L1_jFexSR_jets", 6) * np.array([10 / 1024, 10 / 16, 10 / 8], np.float32)
    taus = objects(f, "L1_eFex_taus", 4) * np.array([10 / 1024, 10 / 16, 10 / 8], np.float32)
    muons = objects(f, "L1_muons", 4) * np.array([10000 / 64, 10 / 16, 10 / 8], np.float32)
    m = met(f, "L1_MET")[:, 0]
    missing = np.stack([m[:, 0] * np.float32(10 / 8192), m[:, 2] * np.float32(10 / 8)], axis=1)
    x = np.concatenate([jets.reshape(len(m), -1), taus.reshape(len(m), -1), muons.reshape(len(m), -1), missing],
                       axis=1).astype(np.float32)
    return np.nan_to_num(x, nan=0.0)


def read_file(path, model, eb, cap=None):
    with h5py.File(path, "r") as f:
        n = f["HLT_jets"].shape[0] if cap is None else min(cap, f["HLT_jets"].shape[0])
        d = {
            "HLT_data": event_arrays(f, "HLT_jets", "HLT_electrons", "HLT_muons", "HLT_photons", "HLT_MET")[:n],
            "L1_data": event_arrays(f, "L1_jFexSR_jets", "L1_egammas", "L1_muons", "L1_eFex_taus", "L1_MET")[:n],
            "passL1": f["pass_L1_unprescaled"][()][:n] != 0,
            "passHLT": f["pass_HLT_unprescaled"][()][:n] != 0,
        }
        x = topo2a(f)[:n]
        z = run_onnx(model, x)
        d["topo2A_AD_scores"] = np.mean(z.astype(np.float64) ** 2, axis=1).astype(np.float32)
        if eb:
            d["weights"] = f["EB_weights"][()].astype(np.float64)
            d["run_numbers"] = f["run_number"][()].astype(np.int64)
            d["event_numbers"] = f["event_number"][()].astype(np.int64)
            d["pileups"] = f["mu"][()].astype(np.float32)
        else:
            d["weights"] = np.ones(n, np.float64)
        return d, x


# ---- section 4 -------------------------------------------------------------------------------------------

def match(fixtures, model, cap=100000):
    eb_dir, mc_dir = os.path.join(fixtures, "ntuples", "EB"), os.path.join(fixtures, "ntuples", "MC")
    with h5py.File(os.path.join(fixtures, "ntuples", "L1AD_training_events.h5"), "r") as t:
        train = set(zip(t["run_number"][()].tolist(), t["event_number"][()].tolist()))
    eb = [read_file(os.path.join(eb_dir, n), model, True)[0] for n in sorted(os.listdir(eb_dir)) if n.endswith(".h5")]
    cat = {k: np.concatenate([d[k] for d in eb]) for k in eb[0]}
    pairs = list(zip(cat["run_numbers"].tolist(), cat["event_numbers"].tolist()))
    in_train = np.array([p in train for p in pairs])
    tags = {"topo2A_train": {k: v[in_train] for k, v in cat.items()}}
    for run in dict.fromkeys(cat["run_numbers"].tolist()):
        mask = (~in_train) & (cat["run_numbers"] == run)
        tag = "HLT_noalg_eb_L1All" if run == NO_HLT_RUN else f"EB_{run}"
        tags[tag] = {k: v[mask] for k, v in cat.items()}
    for name in sorted(os.listdir(mc_dir)):
        if name.endswith(".h5"):
            tags[name.split("_")[0]] = read_file(os.path.join(mc_dir, name), model, False, cap)[0]
    repeated = len(pairs) - len(set(pairs))
    return tags, repeated


def digest(array, name):
    dtype = {"passL1": "u1", "passHLT": "u1", "weights": "<f8", "run_numbers": "<i8", "event_numbers": "<i8"}
    return hashlib.sha256(np.ascontiguousarray(array.astype(dtype.get(name, "<f4"))).tobytes()).hexdigest()


def golden(tags, repeated, fixtures):
    out = {"source": "tools/reference/match_fixtures.py", "repeated_events": repeated, "tags": {}}
    for tag, d in tags.items():
        n = len(d["weights"])
        entry = {"count": n, "sha256": {k: digest(v, k) for k, v in d.items()},
                 "sums": {k: float(np.nansum(v.astype(np.float64))) for k, v in d.items()},
                 "rows": {}, "scores": [float(f"{s:.8g}") for s in d["topo2A_AD_scores"]]}
        for r in CHOSEN_ROWS:
            if n:
                row = r % n
                entry["rows"][str(row)] = {
                    "HLT_data": [None if np.isnan(v) else float(v) for v in d["HLT_data"][row].ravel()],
                    "L1_data": [None if np.isnan(v) else float(v) for v in d["L1_data"][row].ravel()]}
        out["tags"][tag] = entry

    # masked-mse with the linear 44 -> 44 test model on the first 50 rows of EB_473255.
    _, x = read_file(os.path.join(fixtures, "ntuples", "EB", "EB_473255_ntuples.h5"),
                     os.path.join(FIXTURES, "models", "L1AD_topo2A_encoder.onnx"), True)
    x = x[:50]
    y = run_onnx(os.path.join(OUT, "l1ad_linear44.onnx"), x)
    mask = (x != 0) & (x != -999)
    mse = ((x.astype(np.float64) - y) ** 2 * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1)
    out["masked_mse_linear44_EB_473255_first50"] = [float(v) for v in mse]
    return out


def check(tags, directory):
    bad = 0
    for tag, d in tags.items():
        path = os.path.join(directory, tag + ".h5")
        with h5py.File(path, "r") as f:
            names = sorted(f.keys())
            if names != sorted(d.keys()):
                print(f"{tag}: datasets {names} != {sorted(d.keys())}")
                bad += 1
            for k, v in d.items():
                got = f[k][()]
                if k == "topo2A_AD_scores":
                    ok = np.allclose(got, v, rtol=1e-5, atol=0)
                else:
                    ok = got.shape == v.shape and np.array_equal(got, v, equal_nan=(got.dtype.kind == "f"))
                ok = ok and got.dtype == {"passL1": bool, "passHLT": bool}.get(k, v.dtype)
                if not ok:
                    print(f"{tag}/{k}: differs ({got.dtype} {got.shape} vs {v.dtype} {v.shape})")
                    bad += 1
    print(f"checked {len(tags)} tags: {'all equal' if bad == 0 else str(bad) + ' differences'}")
    return bad


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", help="directory of <tag>.h5 written by hltad match")
    args = parser.parse_args()
    model = os.path.join(FIXTURES, "models", "L1AD_topo2A_encoder.onnx")
    tags, repeated = match(FIXTURES, model)
    if args.check:
        sys.exit(1 if check(tags, args.check) else 0)
    with open(os.path.join(OUT, "fixtures_golden.json"), "w") as f:
        json.dump(golden(tags, repeated, FIXTURES), f, separators=(",", ":"))
    print({tag: len(d["weights"]) for tag, d in tags.items()}, "repeated", repeated)


if __name__ == "__main__":
    main()
