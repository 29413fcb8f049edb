#!/usr/bin/env python3
"""Writes the small ONNX models the L1AD scorer tests use (our own, not third-party):

  l1ad_input48.onnx   input (N, 48) float -> (N, 3): a model the L1AD scorer must refuse.
  l1ad_input_int.onnx input (N, 44) int64 -> (N, 3): refused too (not float).
  l1ad_linear44.onnx  input (N, 44) float -> (N, 44) = 0.5 x + 0.1: a reconstruction for masked-mse tests.
  l1ad_linear3.onnx   input (N, 44) float -> (N, 3) = x[:, :3] * 2: mean-square scores checkable by hand.

Run:  /usr/bin/python3 tools/reference/make_l1ad_test_models.py
Output: tests/Hltad.Tests/TestData/matching/*.onnx
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "Hltad.Tests", "TestData", "matching")


def gemm_model(name, inputs, outputs, weight, bias, elem=TensorProto.FLOAT):
    x = helper.make_tensor_value_info("x", elem, ["N", inputs])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", outputs])
    w = numpy_helper.from_array(weight.astype(np.float32), "W")
    b = numpy_helper.from_array(bias.astype(np.float32), "B")
    nodes = []
    source = "x"
    if elem != TensorProto.FLOAT:
        nodes.append(helper.make_node("Cast", ["x"], ["xf"], to=TensorProto.FLOAT))
        source = "xf"
    nodes.append(helper.make_node("Gemm", [source, "W", "B"], ["y"]))
    graph = helper.make_graph(nodes, name, [x], [y], [w, b])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="hltad-tests")
    model.ir_version = 7
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(OUT, name + ".onnx"))


def main():
    os.makedirs(OUT, exist_ok=True)
    gemm_model("l1ad_input48", 48, 3, np.full((48, 3), 0.01), np.zeros(3))
    gemm_model("l1ad_input_int", 44, 3, np.full((44, 3), 0.01), np.zeros(3), elem=TensorProto.INT64)
    gemm_model("l1ad_linear44", 44, 44, 0.5 * np.eye(44), np.full(44, 0.1))
    select = np.zeros((44, 3))
    select[0, 0] = select[1, 1] = select[2, 2] = 2.0
    gemm_model("l1ad_linear3", 44, 3, select, np.zeros(3))


if __name__ == "__main__":
    main()
