#!/usr/bin/python3
"""Independent numpy implementation of SEMANTICS.md section 6 (preprocessing), written apart from hltad's C#.

It reads matched-format HDF5 files (section 4: HLT_data, L1_data, passL1, passHLT, weights, topo2A_AD_scores,
pileups) from one or more folders, runs the ten steps of section 6 in the order the section gives them (it
flattens and splits after normalising, where hltad splits first), and writes, per scheme x normalisation,
a compact summary that the C# tests compare against (tests/Hltad.Tests/Preprocessing/ReferenceComparisonTests.cs):

    TestData/preprocessing/expected/<scheme>__<normalisation>__<mask>.json

Decisions shared with hltad, which the section leaves open (all documented in the C# code too):
  * step 4: Δphi in float64 from the float32 inputs, numpy's floor-mod `%`, rounded once to float32;
  * step 8: sums and products in float64, (pt * 10) / Σpt and (pt * 5) / mean, rounded once to float32;
    a Σ or mean of 0 divides by 1;
  * step 9: n_train = floor(0.85 N) (integer arithmetic), Fisher-Yates shuffle driven by SplitMix64
    (j = high 64 bits of next() * (i + 1)), EB_train = first n_train of the shuffled order;
  * step 10: float64 statistics, population std; constant column (min = max): mean = that value, std = 1;
    zero-aware column without non-zero entries: mean 0, std 1;
  * a NaN or infinite value left after step 7 is an error (naming tag, row and column).

Usage:
  preprocess_reference.py [--dump DIR] [--only SCHEME NORM MASK] MATCHED_DIR [MATCHED_DIR ...]
With no --only it writes every scheme x normalisation with mask 'values', plus each scheme with mask 'objects'
and StandardScaler, at L1AD rate 5e5 Hz, incoming rate 40 MHz, split seed 20240607.
"""
import argparse
import glob
import json
import os
import re
import sys

import h5py
import numpy as np

SCHEMES = ["topo2A_train", "L1noalg_HLTall", "topo2A_train+L1noalg_HLTall", "topo2A_train+overlap"]
NORMALISATIONS = ["per_event", "global_division", "StandardScaler", "ZeroAwareStandardScaler", "none"]
L1AD_RATE = 5e5
INCOMING_RATE = 40e6
SPLIT_SEED = 20240607
MASK64 = (1 << 64) - 1
# (first row, rows, HLT threshold, L1 threshold) of step 7.
THRESHOLDS = [(0, 6, 50.0, 50.0), (6, 3, 8.0, 5.0), (9, 3, 3.0, 3.0), (12, 3, 10.0, 10.0)]


# ---------------------------------------------------------------------------------------------------- input
def load_matched(folders):
    samples = {}
    for folder in folders:
        for path in sorted(glob.glob(os.path.join(folder, "*.h5"))):
            tag = os.path.splitext(os.path.basename(path))[0]
            with h5py.File(path, "r") as f:
                samples[tag] = {name: f[name][...] for name in f.keys()}
    return samples


# ---------------------------------------------------------------------------------------------------- section 5
def find_threshold(scores, weights, passed, target, incoming):
    """Highest score level whose tie-complete pure rate reaches the target."""
    scores = scores.astype(np.float32)
    order = np.argsort(-scores.astype(np.float64), kind="stable")
    s, w, p = scores[order], weights[order].astype(np.float64), passed[order].astype(bool)
    total = w.sum()
    cumulative_pure = np.cumsum(np.where(p, 0.0, w))
    cumulative_total = np.cumsum(w)
    group_ends = np.append(np.nonzero(s[1:] != s[:-1])[0], len(s) - 1)
    pure_rates = cumulative_pure[group_ends] * incoming / total
    reached = np.nonzero(pure_rates >= target)[0]
    if len(reached) == 0:
        raise ValueError(f"L1AD rate {target} Hz unreachable; largest {pure_rates[-1]}")
    end = group_ends[reached[0]]
    return float(s[end]), float(pure_rates[reached[0]]), float(cumulative_total[end] * incoming / total)


# ---------------------------------------------------------------------------------------------------- step 9 RNG
class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK64

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)


def permutation(n, seed):
    order = list(range(n))
    rng = SplitMix64(seed)
    for i in range(n - 1, 0, -1):
        j = (rng.next() * (i + 1)) >> 64
        order[i], order[j] = order[j], order[i]
    return np.array(order, dtype=np.int64)


def train_count(n):
    return n * 85 // 100


# ---------------------------------------------------------------------------------------------------- steps 4-7
def clean(raw, is_l1):
    x = raw.astype(np.float32).copy()
    pt = x[:, :, 0]
    phi = x[:, :, 2].astype(np.float64)
    dphi = ((phi - phi[:, :1] + np.pi) % (2 * np.pi)) - np.pi
    dphi[pt == 0] = 0.0
    x[:, :, 2] = dphi.astype(np.float32)

    if is_l1:
        x[:, 9:12, 0] *= np.float32(1000)

    met = x[:, 15, :]
    met[met[:, 0] == 0, 0] = np.float32(0.001)
    met[met[:, 0] == -999] = 0
    met[np.isnan(met[:, 2])] = 0

    for first, count, hlt_cut, l1_cut in THRESHOLDS:
        cut = np.float32(l1_cut if is_l1 else hlt_cut)
        block = x[:, first:first + count, :]
        block[block[:, :, 0] < cut] = 0
    return x


def check_finite(x, tags, rows, dataset):
    bad = np.argwhere(~np.isfinite(x.reshape(len(x), -1)))
    if len(bad):
        i, c = bad[0]
        raise ValueError(f"{tags[i]} {dataset} event {rows[i]} column {c} is {x.reshape(len(x), -1)[i, c]}")


# ---------------------------------------------------------------------------------------------------- step 8, 10
def event_pt_sums(x):
    return x[:, :, 0].astype(np.float64).sum(axis=1)


def divide_pt(x, scale, divisors):
    x[:, :, 0] = (x[:, :, 0].astype(np.float64) * scale / divisors).astype(np.float32)


def fit_scaler(train, zero_aware):
    x = train.astype(np.float64)
    mean = np.zeros(x.shape[1])
    std = np.ones(x.shape[1])
    for c in range(x.shape[1]):
        column = x[:, c]
        if zero_aware:
            column = column[column != 0]
        if len(column) == 0:
            continue
        if column.min() == column.max():
            mean[c] = column.min()
            continue
        mean[c] = column.mean()
        std[c] = np.sqrt(np.mean((column - mean[c]) ** 2))
    return mean, std


def apply_scaler(x, mean, std, zero_aware):
    scaled = ((x.astype(np.float64) - mean) / std).astype(np.float32)
    return np.where(x != 0, scaled, x) if zero_aware else scaled


# ---------------------------------------------------------------------------------------------------- section 6
def preprocess(matched, scheme, normalisation, mask, l1ad_rate, incoming, seed):
    tags = sorted(matched)
    code = {tag: i for i, tag in enumerate(tags)}

    # Step 1.
    topo = matched["topo2A_train"]
    threshold, pure, total = find_threshold(topo["topo2A_AD_scores"], topo["weights"], topo["passL1"],
                                            l1ad_rate, incoming)
    seeded = {tag: m["topo2A_AD_scores"] >= np.float32(threshold) for tag, m in matched.items()}

    # Steps 2 and 3: (tag, rows) parts of every sample; EB_train still unsplit.
    def everything(tag):
        return (tag, np.arange(len(matched[tag]["weights"])))

    train_parts = []
    if scheme != "L1noalg_HLTall":
        train_parts.append(everything("topo2A_train"))
    if scheme in ("L1noalg_HLTall", "topo2A_train+L1noalg_HLTall"):
        train_parts.append(everything("HLT_noalg_eb_L1All"))
    if scheme == "topo2A_train+overlap":
        train_parts.append(("HLT_noalg_eb_L1All", np.nonzero(seeded["HLT_noalg_eb_L1All"])[0]))
    consumed = {tag for tag, _ in train_parts}
    eb_runs = [tag for tag in tags if re.fullmatch(r"EB_[0-9]+", tag)]
    plan = [("EB_train_unsplit", train_parts), ("EB_test", [everything(t) for t in eb_runs])]
    plan += [(t, [everything(t)]) for t in tags if t not in consumed and t not in eb_runs]

    samples = {}
    for name, parts in plan:
        sample = {}
        sample["source_tag"] = np.concatenate([np.full(len(r), code[t], np.int64) for t, r in parts])
        sample["source_row"] = np.concatenate([r.astype(np.int64) for _, r in parts])
        names = [t for t, r in parts for _ in r]

        def gather(key):
            return np.concatenate([matched[t][key][r] for t, r in parts])

        for key, out in [("passL1", "passL1"), ("passHLT", "passHLT"), ("weights", "weights"),
                         ("topo2A_AD_scores", "scores")]:
            sample[out] = gather(key)
        sample["L1Seeded"] = np.concatenate([seeded[t][r] for t, r in parts])
        if all("pileups" in matched[t] for t, _ in parts) and len(sample["weights"]):
            sample["pileups"] = gather("pileups")

        # Steps 4-7, then the object masks from the unscaled data.
        for key, is_l1 in [("HLT", False), ("L1", True)]:
            x = clean(gather(f"{key}_data"), is_l1)
            check_finite(x, names, sample["source_row"], f"{key}_data")
            sample[key] = x
            if mask == "objects":
                sample[f"{key}_mask"] = np.repeat((x[:, :, 0] != 0)[:, :, None], 3, axis=2).astype(np.float32)
        samples[name] = sample

    # Step 8.
    global_means = None
    if normalisation == "global_division":
        global_means = {}
        for key in ("HLT", "L1"):
            m = float(event_pt_sums(samples["EB_train_unsplit"][key]).mean())
            global_means[key] = m
            for sample in samples.values():
                divide_pt(sample[key], 5.0, m if m != 0 else 1.0)
    elif normalisation == "per_event":
        for sample in samples.values():
            for key in ("HLT", "L1"):
                sums = event_pt_sums(sample[key])
                sums[sums == 0] = 1.0
                divide_pt(sample[key], 10.0, sums[:, None])

    # Step 9: flatten, then split EB_train.
    for sample in samples.values():
        for key in ("HLT", "L1", "HLT_mask", "L1_mask"):
            if key in sample:
                sample[key] = sample[key].reshape(len(sample[key]), 48)
    unsplit = samples.pop("EB_train_unsplit")
    n = len(unsplit["weights"])
    order = permutation(n, seed)
    n_train = train_count(n)
    split = {"EB_train": order[:n_train], "EB_val": order[n_train:]}
    result = {name: {k: v[rows] for k, v in unsplit.items()} for name, rows in split.items()}
    result.update(samples)

    # Step 10.
    scalers = None
    if normalisation in ("StandardScaler", "ZeroAwareStandardScaler"):
        zero_aware = normalisation == "ZeroAwareStandardScaler"
        scalers = {}
        for key in ("HLT", "L1"):
            mean, std = fit_scaler(result["EB_train"][key], zero_aware)
            scalers[key] = {"mean": mean.tolist(), "std": std.tolist()}
            for sample in result.values():
                sample[key] = apply_scaler(sample[key], mean, std, zero_aware)

    info = {"L1AD_threshold": threshold, "L1AD_pure_rate": pure, "L1AD_total_rate": total,
            "scalers": scalers, "global_division_means": global_means, "source_tags": tags}
    return result, info


# ---------------------------------------------------------------------------------------------------- summary
def position_weights(n):
    return (np.arange(n) % 97 + 1).astype(np.float64)


COLUMN_WEIGHTS = (np.arange(48) % 7 + 1).astype(np.float64)


def short(value, digits=12):
    """A float64 statistic to 12 significant digits (the tests compare sums to far less than that)."""
    return float(f"{value:.{digits}g}")


def array_summary(a):
    x = a.astype(np.float64)
    rows = position_weights(len(x))[:, None]
    return {
        "column_sums": [short(v) for v in x.sum(axis=0)],
        "sum_squares": short((x * x).sum()),
        "position_weighted": short((x * rows * COLUMN_WEIGHTS).sum()),
    }


def flag_summary(flags):
    flags = flags.astype(bool)
    return [int(flags.sum()), int(position_weights(len(flags))[flags].sum())]


def order_checksum(tags, rows):
    """Σ_i (i + 1) · (tag_code · 1 000 003 + row + 1), exact: any change of the row order changes it."""
    return sum((i + 1) * (t * 1_000_003 + r + 1) for i, (t, r) in enumerate(zip(tags.tolist(), rows.tolist())))


def float32_text(value):
    """The shortest decimal that reads back as the same float32 (numpy's repr of float32)."""
    return float(str(np.float32(value)))


def summarise(result, info, options):
    summary = {"script": "tools/reference/preprocess_reference.py", "options": options}
    summary.update(info)
    summary["samples"] = {}
    for name, s in result.items():
        n = len(s["weights"])
        entry = {
            "count": n,
            "order_checksum": order_checksum(s["source_tag"], s["source_row"]),
            "flags": {k: flag_summary(s[k]) for k in ("passL1", "passHLT", "L1Seeded")},
            "weights_sum": short(s["weights"].sum()),
            "weights_position_weighted": short((s["weights"] * position_weights(n)).sum()),
            "scores_sum": short(s["scores"].astype(np.float64).sum()),
            "pileups_sum": short(s["pileups"].astype(np.float64).sum()) if "pileups" in s else None,
            "arrays": {k: array_summary(s[k]) for k in ("HLT", "L1", "HLT_mask", "L1_mask") if k in s},
            "rows": [],
        }
        picks = {0, 1, n // 3, n // 2, n - 1} if name.startswith("EB_") else {0, n // 2}
        for i in sorted(picks & set(range(n))):
            row = {"index": i, "source_tag": int(s["source_tag"][i]), "source_row": int(s["source_row"][i])}
            for k in ("HLT", "L1", "HLT_mask", "L1_mask"):
                if k in s:
                    row[k] = [float32_text(v) for v in s[k][i]]
            entry["rows"].append(row)
        summary["samples"][name] = entry
    return summary


def file_name(scheme, normalisation, mask):
    return f"{scheme.replace('+', '_plus_')}__{normalisation}__{mask}.json"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                                      "tests", "Hltad.Tests", "TestData", "preprocessing",
                                                      "expected"))
    parser.add_argument("--dump", help="also write every output array to DIR/<file>.npz")
    parser.add_argument("--only", nargs=3, metavar=("SCHEME", "NORM", "MASK"))
    args = parser.parse_args()
    matched = load_matched(args.folders)
    runs_wanted = [tuple(args.only)] if args.only else (
        [(s, n, "values") for s in SCHEMES for n in NORMALISATIONS]
        + [(s, "StandardScaler", "objects") for s in SCHEMES])
    os.makedirs(args.out, exist_ok=True)
    for scheme, normalisation, mask in runs_wanted:
        options = {"train_data_scheme": scheme, "pt_normalization_type": normalisation, "mask": mask,
                   "L1AD_rate": L1AD_RATE, "incoming_rate": INCOMING_RATE, "split_seed": SPLIT_SEED}
        result, info = preprocess(matched, scheme, normalisation, mask, L1AD_RATE, INCOMING_RATE, SPLIT_SEED)
        name = file_name(scheme, normalisation, mask)
        with open(os.path.join(args.out, name), "w") as f:
            json.dump(summarise(result, info, options), f, separators=(",", ":"))
            f.write("\n")
        if args.dump:
            os.makedirs(args.dump, exist_ok=True)
            np.savez(os.path.join(args.dump, name.replace(".json", ".npz")),
                     **{f"{t}/{k}": v for t, s in result.items() for k, v in s.items()})
        print(name, {t: len(s["weights"]) for t, s in result.items()}, f"threshold {info['L1AD_threshold']}")


if __name__ == "__main__":
    sys.exit(main())
