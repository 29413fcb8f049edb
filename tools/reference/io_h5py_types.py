#!/usr/bin/env python3
"""Writes small HDF5 files with h5py, the reference writer, for the C# reader tests.

  tests/Hltad.Tests/TestData/io/h5py_types.h5
    f64_objects   (4, 7, 4) float64, contiguous   = arange(112) / 8            (exact in float32)
    i32           (5,) int32                      = [-2, -1, 0, 1, 2]
    u8            (5,) uint8                      = [0, 1, 2, 254, 255]
    i16           (3,) int16                      = [-300, 0, 300]
    u64           (3,) uint64                     = [0, 1, 2**40]
    flags         (4,) bool                       = [True, False, False, True]
    lzf_objects   (600, 6, 3) float32, lzf, chunks (100, 6, 3)       = arange(10800) * 0.5, objects 2-5 zeroed
    gzip_objects  (1000, 10, 4) float32, gzip 4 + shuffle, chunks (512, 10, 4) = (arange(40000) % 997) * 0.25
    met4          (3, 4) float32                  = [[10, 1, 2, 0.5], [-999, 0, 0, 1.5], [5, 0, 0, nan]]
    text          (2,) variable-length strings    (not numeric)
    attribute 'comment' = 'written by h5py'
  tests/Hltad.Tests/TestData/io/h5py_ntuple_mc.h5
    an MC-layout ntuple of 3 events with float64 objects, int32 flags and 4-column e/mu/gamma and MET,
    values = 100 * event + 10 * object + column (so every number says where it came from).

Run: /usr/bin/python3 tools/reference/io_h5py_types.py
"""
import os

import h5py
import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "Hltad.Tests", "TestData", "io")


def coded(n, k, c, dtype):
    e, o, col = np.meshgrid(np.arange(n), np.arange(k), np.arange(c), indexing="ij")
    return (100 * e + 10 * o + col).astype(dtype)


def main():
    os.makedirs(OUT, exist_ok=True)
    with h5py.File(os.path.join(OUT, "h5py_types.h5"), "w") as f:
        f["f64_objects"] = (np.arange(112, dtype=np.float64) / 8).reshape(4, 7, 4)
        f["i32"] = np.array([-2, -1, 0, 1, 2], np.int32)
        f["u8"] = np.array([0, 1, 2, 254, 255], np.uint8)
        f["i16"] = np.array([-300, 0, 300], np.int16)
        f["u64"] = np.array([0, 1, 2 ** 40], np.uint64)
        f["flags"] = np.array([True, False, False, True])
        lzf = (np.arange(10800, dtype=np.float32) * 0.5).reshape(600, 6, 3)
        lzf[:, 2:, :] = 0
        f.create_dataset("lzf_objects", data=lzf, compression="lzf", chunks=(100, 6, 3))
        f.create_dataset("gzip_objects", data=((np.arange(40000) % 997) * 0.25).astype(np.float32).reshape(1000, 10, 4),
                         compression="gzip", compression_opts=4, shuffle=True, chunks=(512, 10, 4))
        f["met4"] = np.array([[10, 1, 2, 0.5], [-999, 0, 0, 1.5], [5, 0, 0, np.nan]], np.float32)
        f["text"] = np.array(["a", "bc"], dtype=h5py.string_dtype())
        f.attrs["comment"] = "written by h5py"

    n = 3
    with h5py.File(os.path.join(OUT, "h5py_ntuple_mc.h5"), "w") as f:
        f["HLT_jets"] = coded(n, 10, 4, np.float64)
        for name in ["HLT_electrons", "HLT_muons", "HLT_photons"]:
            f[name] = coded(n, 6, 4, np.float64)
        f["L1_jFexSR_jets"] = coded(n, 10, 3, np.float32)
        for name in ["L1_egammas", "L1_muons", "L1_eFex_taus"]:
            f[name] = coded(n, 6, 3, np.float32)
        f["HLT_MET"] = coded(n, 1, 4, np.float32)[:, 0]
        f["L1_MET"] = coded(n, 1, 3, np.float32)[:, 0]
        f["pass_L1_unprescaled"] = np.array([1, 0, 1], np.int32)
        f["pass_HLT_unprescaled"] = np.array([0, 0, 1], np.int32)


if __name__ == "__main__":
    main()
