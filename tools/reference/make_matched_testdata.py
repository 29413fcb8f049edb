#!/usr/bin/python3
"""Builds the matched datasets (SEMANTICS.md sections 2-4) from the fixture ntuples, independently of hltad.

Reads ../shared/fixtures/ntuples (EB runs, MC samples, L1AD training events), scores every event with the
L1AD encoder evaluated node by node in numpy from the ONNX initializers (the `onnx` package only parses the
file; no runtime), and writes one gzip-compressed HDF5 file per tag:

    tests/Hltad.Tests/TestData/preprocessing/matched/<tag>.h5

with HLT_data, L1_data (N, 16, 3) float32, passL1, passHLT (numpy bool), weights float64,
topo2A_AD_scores float32, and for EB tags run_numbers, event_numbers (int64) and pileups (float32).

It also writes a hand-made tag of ten edge-case events (documented in `edge_cases()` below), in the same
format, to tests/Hltad.Tests/TestData/preprocessing/edge/edgecases.h5, so that the corner cases of
SEMANTICS.md section 6 (Δphi wrap-around, MET fixes and their order, pt exactly at a threshold, NaN in a row
that the thresholds remove, Σpt = 0) also go through both preprocessing implementations.

Usage: /usr/bin/python3 tools/reference/make_matched_testdata.py [fixtures_dir] [out_dir]
"""
import glob
import os
import sys

import h5py
import numpy as np
import onnx
from onnx import numpy_helper

NO_HLT_SELECTION_RUN = 475341

# Topo2A scales (section 2, step 2).
ET_SCALE = np.float32(10 / 1024)
ETA_SCALE = np.float32(10 / 16)
PHI_SCALE = np.float32(10 / 8)
MUON_ET_SCALE = np.float32(10000 / 64)
MET_ET_SCALE = np.float32(10 / 8192)
MET_PHI_SCALE = np.float32(10 / 8)


def three_columns(array):
    """(N, k, 4) pt, E, eta, phi -> (N, k, 3) pt, eta, phi; 3-column arrays unchanged (section 1)."""
    if array.shape[-1] == 4:
        return array[..., [0, 2, 3]]
    return array


def event_arrays(f):
    """Section 3: the (N, 16, 3) HLT_data and L1_data arrays, raw values."""
    def leading(name, count):
        return three_columns(f[name][...].astype(np.float32))[:, :count, :]

    hlt_met = three_columns(f["HLT_MET"][...].astype(np.float32))[:, None, :]
    l1_met = f["L1_MET"][...].astype(np.float32)[:, None, :]
    hlt = np.concatenate([leading("HLT_jets", 6), leading("HLT_electrons", 3), leading("HLT_muons", 3),
                          leading("HLT_photons", 3), hlt_met], axis=1)
    l1 = np.concatenate([leading("L1_jFexSR_jets", 6), leading("L1_egammas", 3), leading("L1_muons", 3),
                         leading("L1_eFex_taus", 3), l1_met], axis=1)
    assert hlt.shape[1:] == (16, 3) and l1.shape[1:] == (16, 3)
    return np.ascontiguousarray(hlt), np.ascontiguousarray(l1)


def topo2a_inputs(f):
    """Section 2: the 44 scaled L1AD inputs, NaN -> 0."""
    def scaled(name, count, et_scale):
        a = f[name][...].astype(np.float32)[:, :count, :].copy()
        a[..., 0] *= et_scale
        a[..., 1] *= ETA_SCALE
        a[..., 2] *= PHI_SCALE
        return a.reshape(len(a), -1)

    met = f["L1_MET"][...].astype(np.float32)
    met_part = np.stack([met[:, 0] * MET_ET_SCALE, met[:, 2] * MET_PHI_SCALE], axis=1)
    x = np.concatenate([scaled("L1_jFexSR_jets", 6, ET_SCALE), scaled("L1_eFex_taus", 4, ET_SCALE),
                        scaled("L1_muons", 4, MUON_ET_SCALE), met_part], axis=1).astype(np.float32)
    assert x.shape[1] == 44
    return np.nan_to_num(x, nan=0.0)


class OnnxDense:
    """Evaluates the ONNX graph node by node in float32 numpy (Gemm, Relu, LeakyRelu only)."""

    def __init__(self, path):
        model = onnx.load(path)
        self.graph = model.graph
        self.values = {t.name: numpy_helper.to_array(t).astype(np.float32) for t in self.graph.initializer}

    def __call__(self, x):
        values = dict(self.values)
        values[self.graph.input[0].name] = x.astype(np.float32)
        for node in self.graph.node:
            attrs = {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}
            ins = [values[name] for name in node.input]
            if node.op_type == "Gemm":
                a, b = ins[0], ins[1]
                if attrs.get("transA", 0):
                    a = a.T
                if attrs.get("transB", 0):
                    b = b.T
                y = np.float32(attrs.get("alpha", 1.0)) * (a @ b)
                if len(ins) > 2:
                    y = y + np.float32(attrs.get("beta", 1.0)) * ins[2]
            elif node.op_type == "Relu":
                y = np.maximum(ins[0], np.float32(0))
            elif node.op_type == "LeakyRelu":
                alpha = np.float32(attrs.get("alpha", 0.01))
                y = np.where(ins[0] >= 0, ins[0], alpha * ins[0])
            else:
                raise ValueError(f"unsupported ONNX node {node.op_type}")
            values[node.output[0]] = y.astype(np.float32)
        return values[self.graph.output[0].name]


def write_tag(out_dir, tag, parts):
    path = os.path.join(out_dir, f"{tag}.h5")
    with h5py.File(path, "w") as f:
        for name, array in parts.items():
            f.create_dataset(name, data=array, compression="gzip", compression_opts=9, shuffle=True)
    print(f"{tag}: {len(parts['weights'])} events")


def read_file(f, model, is_eb):
    hlt, l1 = event_arrays(f)
    n = len(hlt)
    z = model(topo2a_inputs(f))
    parts = {
        "HLT_data": hlt,
        "L1_data": l1,
        "passL1": f["pass_L1_unprescaled"][...].astype(bool),
        "passHLT": f["pass_HLT_unprescaled"][...].astype(bool),
        "weights": f["EB_weights"][...].astype(np.float64) if is_eb else np.ones(n, np.float64),
        "topo2A_AD_scores": np.mean(z * z, axis=1, dtype=np.float32).astype(np.float32),
    }
    if is_eb:
        parts["run_numbers"] = f["run_number"][...].astype(np.int64)
        parts["event_numbers"] = f["event_number"][...].astype(np.int64)
        parts["pileups"] = f["mu"][...].astype(np.float32)
    return parts


def edge_cases():
    """Ten hand-made events (HLT and L1 arrays alike unless stated), MC-like (weight 1, no pileups).

    0  only MET, pt 0, phi 0.5                 -> Δphi 0 (pt = 0), then pt 0.001
    1  only MET, pt -999, phi 0.2              -> whole row 0: the event's Σpt is 0
    2  jets phi 3.1 and -3.1, photon phi 3.1   -> jet 2 Δphi = ((-6.2 + π) mod 2π) − π ≈ 0.0832 (wrap-around)
    3  jet, MET pt 0 with phi NaN              -> step 4 sets phi 0 first, so step 6 leaves (0.001, 0, 0)
    4  jet, MET pt 45 with phi NaN             -> whole MET row 0
    5  jets pt 50 and 49.99 (eta NaN), electrons 8 and 7.9 -> 50 and 8 kept, 49.99 (with its NaN) and 7.9 removed
    6  muons: HLT 3.0 and 2.9; L1 stored 0.003 and 0.0029 (x 1000) -> 3 kept, 2.9 removed
    7  leading jet pt 0 with phi 1.0, muon phi -2.0 -> the muon's Δphi is taken to phi 1.0 anyway
    8  jets phi 3.14159 and -3.14159           -> Δphi near the ±π edge
    9  MET pt -999 with phi NaN                -> whole row 0
    """
    n = 10
    hlt = np.zeros((n, 16, 3), np.float32)
    hlt[0, 15] = [0, 0, 0.5]
    hlt[1, 15] = [-999, 0, 0.2]
    hlt[2, 0] = [60, 0.5, 3.1]
    hlt[2, 1] = [55, -1.0, -3.1]
    hlt[2, 12] = [20, 0.1, 3.1]
    hlt[2, 15] = [30, 0, -1.0]
    hlt[3, 0] = [80, 1.2, 0.3]
    hlt[3, 15] = [0, 0, np.nan]
    hlt[4, 0] = [90, 1.2, 0.3]
    hlt[4, 15] = [45, 0, np.nan]
    hlt[5, 0] = [50, 0.1, 0.2]
    hlt[5, 1] = [49.99, np.nan, 0.4]
    hlt[5, 6] = [8, 0.3, -0.3]
    hlt[5, 7] = [7.9, 0.3, -0.5]
    hlt[5, 15] = [12, 0, 2.0]
    hlt[6, 0] = [70, 0, 0]
    hlt[6, 9] = [3.0, 0.5, 1.5]
    hlt[6, 10] = [2.9, 0.5, 1.6]
    hlt[6, 15] = [5, 0, 1.0]
    hlt[7, 0] = [0, 0, 1.0]
    hlt[7, 9] = [25, 0.7, -2.0]
    hlt[7, 15] = [40, 0, 0.5]
    hlt[8, 0] = [100, 0, 3.14159]
    hlt[8, 1] = [95, 0, -3.14159]
    hlt[8, 15] = [10, 0, -3.14159]
    hlt[9, 0] = [65, 2.0, -0.7]
    hlt[9, 15] = [-999, 0, np.nan]
    l1 = hlt.copy()
    l1[6, 9, 0] = 0.003
    l1[6, 10, 0] = 0.0029
    l1[7, 9, 0] = 0.025
    return {
        "HLT_data": hlt,
        "L1_data": l1,
        "passL1": np.array([i % 2 == 0 for i in range(n)]),
        "passHLT": np.array([i % 3 == 0 for i in range(n)]),
        "weights": np.ones(n, np.float64),
        "topo2A_AD_scores": np.array([0.1, 25, 3, 100, 0.5, 19, 18.5, 2, 40, 1], np.float32),
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", ".."))
    fixtures = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "fixtures")
    out_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        root, "tests", "Hltad.Tests", "TestData", "preprocessing", "matched")
    os.makedirs(out_dir, exist_ok=True)
    model = OnnxDense(os.path.join(fixtures, "models", "L1AD_topo2A_encoder.onnx"))

    with h5py.File(os.path.join(fixtures, "ntuples", "L1AD_training_events.h5"), "r") as f:
        training = set(zip(f["run_number"][...].tolist(), f["event_number"][...].tolist()))

    # EB: files in sorted name order, events in file order then row order (section 4 step 2).
    eb = []
    for path in sorted(glob.glob(os.path.join(fixtures, "ntuples", "EB", "*.h5"))):
        with h5py.File(path, "r") as f:
            eb.append(read_file(f, model, True))
    eb = {k: np.concatenate([p[k] for p in eb]) for k in eb[0]}
    pairs = list(zip(eb["run_numbers"].tolist(), eb["event_numbers"].tolist()))
    in_training = np.array([p in training for p in pairs], dtype=bool)

    tags = {"topo2A_train": in_training}
    for run in sorted(set(eb["run_numbers"].tolist())):
        name = "HLT_noalg_eb_L1All" if run == NO_HLT_SELECTION_RUN else f"EB_{run}"
        tags[name] = (~in_training) & (eb["run_numbers"] == run)
    for tag, rows in tags.items():
        write_tag(out_dir, tag, {k: v[rows] for k, v in eb.items()})

    # MC: one tag per file, named up to the first '_', capped at 100 000 events (section 4 step 4).
    for path in sorted(glob.glob(os.path.join(fixtures, "ntuples", "MC", "*.h5"))):
        tag = os.path.basename(path).split("_")[0]
        with h5py.File(path, "r") as f:
            parts = read_file(f, model, False)
        write_tag(out_dir, tag, {k: v[:100_000] for k, v in parts.items()})

    edge_dir = os.path.join(os.path.dirname(out_dir), "edge")
    os.makedirs(edge_dir, exist_ok=True)
    write_tag(edge_dir, "edgecases", edge_cases())


if __name__ == "__main__":
    main()
