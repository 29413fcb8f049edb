#!/usr/bin/env python3
"""Reference AD scores of the three tf2onnx fixture models, evaluated node by node in numpy.

Independent of ONNX Runtime and of hltad: every node of each fixture graph is evaluated here from
its initializers with numpy (float32 tensors, the few ops the graphs use), on deterministic inputs
built from shared/fixtures/ntuples/MC/ZZ4lep_ntuples.h5.

Writes into tests/Hltad.Tests/TestData/onnx/:
  fixture_matched.h5       HLT_data, L1_data (N, 16, 3) float32: SEMANTICS.md section 3 arrays, raw values
  fixture_preprocessed.h5  HLT_data, L1_data (N, 48) float32: "preprocessed-like" flattened inputs
                           (delta-phi to the leading jet, per-event pt x 10 / sum pt; pt = -999 rows kept
                           as -999 so the score mask has something to hide) -- NOT hltad's preprocessing
  fixture_scores.json      per model: input file, dataset, kind and the expected per-event score
Reconstruction models: score = masked MSE of SEMANTICS.md section 7/8 between the input and the graph's
output, mask = (x != 0) and (x != -999), sum over 48 columns / max(mask count, 1), in float64.
Score models: the graph's output.

Run from the repository root: /usr/bin/python3 tools/reference/onnx_fixture_scores.py
(needs numpy, h5py, onnx; the onnx package is used only to parse the protobuf).
"""
import json
import os

import h5py
import numpy as np
import onnx
from onnx import numpy_helper

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(ROOT, "..", "shared", "fixtures")
OUT = os.path.join(ROOT, "tests", "Hltad.Tests", "TestData", "onnx")
EVENTS = 64


# ---------------------------------------------------------------- inputs


def leading(array, count, columns):
    """Leading `count` objects of an (N, k, c) ntuple array as (N, count, 3) with the given columns."""
    return array[:, :count, :][:, :, columns]


def matched_arrays(path):
    """HLT_data and L1_data (N, 16, 3) of SEMANTICS.md section 3 from one MC ntuple file."""
    with h5py.File(path, "r") as f:
        take = slice(0, EVENTS)
        four = [0, 2, 3]

        def obj(name, count):
            a = f[name][take]
            return leading(a, count, four if a.shape[2] == 4 else [0, 1, 2])

        hlt_met = f["HLT_MET"][take]
        hlt_met = hlt_met[:, [0, 2, 3]] if hlt_met.shape[1] == 4 else hlt_met
        hlt = np.concatenate([obj("HLT_jets", 6), obj("HLT_electrons", 3), obj("HLT_muons", 3),
                              obj("HLT_photons", 3), hlt_met[:, None, :]], axis=1)
        l1_met = f["L1_MET"][take]
        l1 = np.concatenate([obj("L1_jFexSR_jets", 6), obj("L1_egammas", 3), obj("L1_muons", 3),
                             obj("L1_eFex_taus", 3), l1_met[:, None, :]], axis=1)
    hlt = hlt.astype(np.float32)
    l1 = l1.astype(np.float32)

    # Edge rows: an empty event, a MET that was not computed, a NaN-free zero-MET event.
    for a in (hlt, l1):
        a[EVENTS - 1] = 0.0
        a[EVENTS - 2, 15, :] = [-999.0, 0.0, 0.0]
        a[EVENTS - 3, 15, 0] = 0.0
    return hlt, l1


def preprocessed_like(arrays):
    """Flattened (N, 48) inputs in the range the autoencoders were trained on (not hltad's preprocessing)."""
    a = arrays.astype(np.float64).copy()
    pt = a[:, :, 0]
    present = (pt != 0) & (pt != -999)
    phi0 = a[:, 0:1, 2]
    dphi = np.mod(a[:, :, 2] - phi0 + np.pi, 2 * np.pi) - np.pi
    a[:, :, 2] = np.where(present, dphi, a[:, :, 2])
    total = np.where(present, pt, 0).sum(axis=1, keepdims=True)
    total[total == 0] = 1
    a[:, :, 0] = np.where(present, pt * 10 / total, pt)
    return a.reshape(len(a), 48).astype(np.float32)


# ---------------------------------------------------------------- graph evaluation


def attributes(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def op_slice(data, starts, ends, axes=None, steps=None):
    axes = range(len(starts)) if axes is None else axes
    steps = [1] * len(starts) if steps is None else steps
    index = [slice(None)] * data.ndim
    for s, e, ax, st in zip(starts, ends, axes, steps):
        index[int(ax)] = slice(int(s), int(min(e, np.iinfo(np.int64).max)), int(st))
    return data[tuple(index)]


def op_reduce_sum(node, data, axes=None):
    attr = attributes(node)
    keep = bool(attr.get("keepdims", 1))
    if axes is None or len(axes) == 0:
        if attr.get("noop_with_empty_axes", 0):
            return data
        return np.sum(data, keepdims=keep).astype(data.dtype)
    return np.sum(data, axis=tuple(int(x) for x in axes), keepdims=keep).astype(data.dtype)


ONNX_TO_NUMPY = {1: np.float32, 6: np.int32, 7: np.int64, 9: np.bool_, 11: np.float64}


def run_node(node, args):
    op = node.op_type
    attr = attributes(node)
    if op == "MatMul":
        return np.matmul(args[0], args[1]).astype(np.float32)
    if op in ("Add", "Sub", "Mul", "Div"):
        f = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Div": np.divide}[op]
        return f(args[0], args[1]).astype(np.result_type(args[0], args[1]))
    if op == "Relu":
        return np.maximum(args[0], 0).astype(args[0].dtype)
    if op == "Floor":
        return np.floor(args[0])
    if op == "Reshape":
        return args[0].reshape([int(d) for d in args[1]])
    if op == "Slice":
        return op_slice(*args)
    if op == "Squeeze":
        return np.squeeze(args[0], axis=tuple(int(x) for x in args[1]))
    if op == "Unsqueeze":
        out = args[0]
        for ax in sorted(int(x) if x >= 0 else int(x) + out.ndim + 1 for x in args[1]):
            out = np.expand_dims(out, ax)
        return out
    if op == "Concat":
        return np.concatenate(args, axis=attr["axis"])
    if op == "Equal":
        return np.equal(args[0], args[1])
    if op == "Less":
        return np.less(args[0], args[1])
    if op == "Not":
        return np.logical_not(args[0])
    if op == "And":
        return np.logical_and(args[0], args[1])
    if op == "Or":
        return np.logical_or(args[0], args[1])
    if op == "IsNaN":
        return np.isnan(args[0])
    if op == "Cast":
        return args[0].astype(ONNX_TO_NUMPY[attr["to"]])
    if op == "Shape":
        return np.array(args[0].shape, dtype=np.int64)
    if op == "ConstantOfShape":
        value = numpy_helper.to_array(attr["value"])
        return np.full([int(d) for d in args[0]], value[0], dtype=value.dtype)
    if op == "ReduceSum":
        return op_reduce_sum(node, *args)
    raise NotImplementedError(op)


def evaluate(model_path, inputs):
    model = onnx.load(model_path)
    graph = model.graph
    values = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    values[graph.input[0].name] = inputs
    for node in graph.node:
        args = [values[name] if name else None for name in node.input]
        while args and args[-1] is None:
            args.pop()
        values[node.output[0]] = run_node(node, args)
    return values[graph.output[0].name]


def masked_mse(x, y):
    x = x.astype(np.float64)
    y = y.astype(np.float64)
    mask = (x != 0) & (x != -999)
    count = np.maximum(mask.sum(axis=1), 1)
    return (np.where(mask, (y - x) ** 2, 0).sum(axis=1) / count).astype(np.float32)


# ---------------------------------------------------------------- main


def main():
    os.makedirs(OUT, exist_ok=True)
    hlt, l1 = matched_arrays(os.path.join(SHARED, "ntuples", "MC", "ZZ4lep_ntuples.h5"))
    hlt_pre, l1_pre = preprocessed_like(hlt), preprocessed_like(l1)

    with h5py.File(os.path.join(OUT, "fixture_matched.h5"), "w") as f:
        f.create_dataset("HLT_data", data=hlt)
        f.create_dataset("L1_data", data=l1)
    with h5py.File(os.path.join(OUT, "fixture_preprocessed.h5"), "w") as f:
        # gzip + shuffle + chunks, as h5py-written pipeline files are.
        f.create_dataset("HLT_data", data=hlt_pre, compression="gzip", shuffle=True, chunks=(16, 48))
        f.create_dataset("L1_data", data=l1_pre, compression="gzip", shuffle=True, chunks=(16, 48))

    models = os.path.join(SHARED, "models")
    cases = [
        ("HLT_AE_0", "fixture_preprocessed.h5", "HLT", "reconstruction", hlt_pre),
        ("L1_AE_0", "fixture_preprocessed.h5", "L1", "reconstruction", l1_pre),
        ("folded_MSE_AE_0", "fixture_matched.h5", "HLT", "score", hlt.reshape(EVENTS, 48)),
    ]
    result = {"script": "tools/reference/onnx_fixture_scores.py", "events": EVENTS, "models": {}}

    # A few flattened input rows of every dataset, to check the readers (row-major flattening of (16, 3)).
    sample_rows = [0, 5, EVENTS - 2]
    result["rows"] = {"indices": sample_rows, "files": {}}
    for data_file, arrays in (("fixture_matched.h5", (hlt, l1)), ("fixture_preprocessed.h5", (hlt_pre, l1_pre))):
        result["rows"]["files"][data_file] = {
            name: [[float(v) for v in a.reshape(EVENTS, 48)[i]] for i in sample_rows]
            for name, a in zip(("HLT_data", "L1_data"), arrays)
        }
    for name, data_file, objects, kind, inputs in cases:
        out = evaluate(os.path.join(models, name + ".onnx"), inputs)
        if kind == "reconstruction":
            assert out.shape == (EVENTS, 48), out.shape
            scores = masked_mse(inputs, out)
        else:
            scores = out.reshape(EVENTS).astype(np.float32)
        assert np.all(np.isfinite(scores)), name
        result["models"][name] = {
            "model": "models/" + name + ".onnx",
            "data": data_file,
            "objects": objects,
            "kind": kind,
            "scores": [float(s) for s in scores],
        }
        print(f"{name}: {kind}, score range {scores.min():.6g} .. {scores.max():.6g}")
    with open(os.path.join(OUT, "fixture_scores.json"), "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
