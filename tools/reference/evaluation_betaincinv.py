#!/usr/bin/env python3
"""Reference values of the inverse regularized incomplete Beta function, scipy.special.betaincinv(a, b, p),
at non-integer parameters over the range the pileup intervals meet (effective counts from 1e-3 to 1e4, the
Clopper-Pearson quantiles (1 - 0.683)/2 and (1 + 0.683)/2, and a few other p).

Writes tests/Hltad.Tests/TestData/evaluation/betaincinv.json: [[a, b, p, x], ...].
Run: /usr/bin/python3 tools/reference/evaluation_betaincinv.py
"""
import json
import os

import numpy as np
from scipy.special import betaincinv

rng = np.random.default_rng(683)
alpha = 1 - 0.683
cases = [[2.0, 5.0 / 3.0, alpha / 2], [3.0, 2.0 / 3.0, 1 - alpha / 2]]   # the SEMANTICS.md example
for _ in range(60):
    a, b = 10.0 ** rng.uniform(-3, 4, 2)
    p = float(rng.choice([alpha / 2, 1 - alpha / 2, rng.uniform(0.01, 0.99)]))
    cases.append([float(a), float(b), p])
cases += [[1e-3, 5.0, 0.5], [2.5e-6, 1.75, alpha / 2], [0.37, 2.9, alpha / 2], [1000.7, 999.2, alpha / 2],
          [12.3, 0.45, 1 - alpha / 2], [4.2, 1e-2, 1 - alpha / 2]]
rows = []
for a, b, p in cases:
    x = float(betaincinv(a, b, p))
    if 0 < x < 1:
        rows.append([a, b, p, x])
out = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "Hltad.Tests", "TestData", "evaluation",
                   "betaincinv.json")
with open(out, "w") as f:
    json.dump(rows, f, indent=0)
print(len(rows), "cases; smallest x", min(r[3] for r in rows), "largest x", max(r[3] for r in rows))
