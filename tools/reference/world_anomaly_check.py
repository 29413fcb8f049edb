#!/usr/bin/env python3
"""Sanity check of the synthetic world for the study (not a test): does an autoencoder trained on EB find the
signal samples anomalous, and does a 1 kHz L1AD budget select a usable sample?

Reads the <tag>.h5 files written by `hltad match` on a generated world, then (SEMANTICS.md sections 5-8,
simplified: HLT objects only, per_event pt normalisation, unweighted training of a small autoencoder):
  1. L1AD threshold on topo2A_train (pure rate 1 kHz of 40 MHz, pass = passL1); L1Seeded counts per tag.
  2. Preprocessing steps 4-9 on HLT_data; an autoencoder 48-32-8-32-48 trained on topo2A_train.
  3. Masked-MSE scores; per MC tag the ROC AUC against EB_test (EB_<run> tags, EB weights), and the share of
     the signal that the HLT menu rejects but an HLTAD threshold at 10 Hz pure rate would accept.

Run: /usr/bin/python3 tools/reference/world_anomaly_check.py MATCHED_DIR
"""
import os
import sys

import h5py
import numpy as np
import torch

EB_TEST_PREFIX = "EB_"


def load(directory):
    tags = {}
    for name in sorted(os.listdir(directory)):
        if name.endswith(".h5"):
            with h5py.File(os.path.join(directory, name), "r") as f:
                tags[name[:-3]] = {k: f[k][()] for k in f}
    return tags


def find_threshold(scores, weights, passed, target, incoming):
    order = np.argsort(-scores, kind="stable")
    s, w, p = scores[order], weights[order], passed[order]
    pure = np.cumsum(w * ~p) * incoming / w.sum()
    levels = np.unique(s)[::-1]
    # highest level whose pure rate (all events tied at it counted) reaches the target
    last_at = {}
    for i, v in enumerate(s):
        last_at[v] = i
    for v in levels:
        if pure[last_at[v]] >= target:
            return v
    raise SystemExit("target unreachable")


def preprocess(x):
    x = x.astype(np.float64).copy()
    phi0 = x[:, 0, 2:3]
    dphi = np.mod(x[:, :, 2] - phi0 + np.pi, 2 * np.pi) - np.pi
    x[:, :, 2] = np.where(x[:, :, 0] == 0, 0, dphi)
    met = x[:, 15]
    met[met[:, 0] == 0, 0] = 0.001
    met[met[:, 0] == -999] = 0
    met[np.isnan(met[:, 2])] = 0
    x = np.nan_to_num(x)
    for rows, cut in [(slice(0, 6), 50), (slice(6, 9), 8), (slice(9, 12), 3), (slice(12, 15), 10)]:
        block = x[:, rows]
        block[block[:, :, 0] < cut] = 0
    total = x[:, :, 0].sum(axis=1, keepdims=True)
    total[total == 0] = 1
    x[:, :, 0] = x[:, :, 0] * 10 / total
    return x.reshape(len(x), 48).astype(np.float32)


def masked_mse(x, y):
    mask = (x != 0) & (x != -999)
    return ((x - y) ** 2 * mask).sum(1) / mask.sum(1).clamp(min=1)


def auc(background, signal, wb):
    scores = np.concatenate([background, signal])
    labels = np.concatenate([np.zeros(len(background)), np.ones(len(signal))])
    weights = np.concatenate([wb / wb.sum(), np.ones(len(signal)) / len(signal)])
    order = np.argsort(-scores, kind="stable")
    tpr = np.cumsum(weights[order] * labels[order])
    fpr = np.cumsum(weights[order] * (1 - labels[order]))
    return float(np.trapz(np.concatenate([[0], tpr]), np.concatenate([[0], fpr])))


def main():
    tags = load(sys.argv[1])
    train = tags["topo2A_train"]
    threshold = find_threshold(train["topo2A_AD_scores"], train["weights"], train["passL1"], 1000.0, 40e6)
    print(f"L1AD threshold at 1 kHz: {threshold:.4g}")
    for tag, d in tags.items():
        seeded = d["topo2A_AD_scores"] >= threshold
        print(f"  {tag:20s} events {len(seeded):7d}  L1Seeded {int(seeded.sum()):6d}  "
              f"(not passL1: {int((seeded & ~d['passL1']).sum())})")

    torch.manual_seed(1)
    x = torch.tensor(preprocess(train["HLT_data"]))
    model = torch.nn.Sequential(torch.nn.Linear(48, 32), torch.nn.ReLU(), torch.nn.Linear(32, 8), torch.nn.ReLU(),
                                torch.nn.Linear(8, 32), torch.nn.ReLU(), torch.nn.Linear(32, 48))
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(8):
        for batch in torch.randperm(len(x)).split(512):
            optimiser.zero_grad()
            loss = masked_mse(x[batch], model(x[batch])).mean()
            loss.backward()
            optimiser.step()
    with torch.no_grad():
        score = {tag: masked_mse(torch.tensor(preprocess(d["HLT_data"])),
                                 model(torch.tensor(preprocess(d["HLT_data"])))).numpy() for tag, d in tags.items()}

    eb_tags = [t for t in tags if t.startswith(EB_TEST_PREFIX)]
    cat = {k: np.concatenate([tags[t][k] for t in eb_tags]) for k in ("weights", "passHLT", "passL1",
                                                                      "topo2A_AD_scores")}
    background = np.concatenate([score[t] for t in eb_tags])
    wb = cat["weights"]
    total_l1ad = (train["weights"] * (train["topo2A_AD_scores"] >= threshold)).sum() / train["weights"].sum() * 40e6
    seeded_b = cat["topo2A_AD_scores"] >= threshold
    schemes = {
        "L1-seeded": (seeded_b, total_l1ad, lambda d: d["topo2A_AD_scores"] >= threshold),
        "L1-all": (seeded_b | cat["passL1"], 100e3, lambda d: (d["topo2A_AD_scores"] >= threshold) | d["passL1"]),
    }
    print(f"total L1AD rate {total_l1ad:.4g} Hz")
    for scheme, (mask, incoming, seed) in schemes.items():
        hltad = find_threshold(background[mask], wb[mask], cat["passHLT"][mask], 10.0, incoming)
        print(f"{scheme}: HLTAD threshold {hltad:.4g} (10 Hz pure of {incoming:.4g} Hz, {int(mask.sum())} EB_test events)")
        fail = mask & ~cat["passHLT"]
        q = np.quantile(background[fail], [0.5, 0.9, 0.99, 0.999])
        print(f"  EB_test in mask failing HLT: {int(fail.sum())} events, score quantiles 50/90/99/99.9 %: "
              + " ".join(f"{v:.3g}" for v in q) + f", max {background[fail].max():.3g}")
        for tag, d in tags.items():
            if tag.startswith(EB_TEST_PREFIX) or tag in ("topo2A_train", "HLT_noalg_eb_L1All"):
                continue
            inside = seed(d)
            sig_fail = inside & ~d["passHLT"]
            if sig_fail.any():
                qs = np.quantile(score[tag][sig_fail], [0.5, 0.9])
                print(f"    {tag}: in mask failing HLT {sig_fail.mean():.3f}, score median {qs[0]:.3g} 90 % {qs[1]:.3g};"
                      f" AUC in mask {auc(background[mask], score[tag][inside], wb[mask]):.3f}")
            anomalous = (score[tag] >= hltad) & seed(d)
            hlt = d["passHLT"].mean()
            combined = (d["passHLT"] | anomalous).mean()
            print(f"  {tag:20s} AUC {auc(background, score[tag], wb):.3f}  TSE HLT {hlt:.3f} combined {combined:.3f}"
                  f"  gain {100 * (combined - hlt) / max(hlt, 1e-9):6.1f} %")


if __name__ == "__main__":
    main()
