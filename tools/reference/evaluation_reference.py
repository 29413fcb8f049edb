#!/usr/bin/env python3
"""Independent numpy/scipy implementation of SEMANTICS.md section 9 (evaluation), written from the text of the
specification only, and the seeded synthetic data set it is checked on.

Writes, under tests/Hltad.Tests/TestData/evaluation/ (or the folder given as the first argument):
  synthetic_dataset.json  the samples, options and every member's scores
  synthetic_expected.json the evaluation, in the shape of hltad's results.json (docs/results-format.md)

Compact encodings in the data set, decoded identically by the C# test:
  score  = float32(k / 1000)  for integer k    (integers make ties within and across samples; the L1
                                               scores are multiples of 0.025, so events tie at thresholds)
  pileup = float32(k / 100)   for integer k
  flags  = strings of '0'/'1', one character per event
  weights are short decimals (3 significant digits) spanning 1e-2 .. 1e3 for EB samples, 1 for MC.

Run: /usr/bin/python3 tools/reference/evaluation_reference.py

Second use, on a trial trained and scored by hltad (tools/reference/make_evaluation_trial.sh):
  evaluation_reference.py --trial PREPROCESSED_DIR SCORES_DIR TARGET_RATE_HZ OUT.json [MATCHED_DIR]
reads hltad's preprocessed <tag>.h5 files and preprocess_info.json, the score files
scores/member_<k>/<tag>.h5 (HLT_AD_scores, L1_AD_scores), and writes the expected results.json. With
MATCHED_DIR it first recomputes the L1AD threshold from the matched topo2A_train.h5 and checks the L1Seeded
flags and the EB_test rows against it.
"""
import json
import math
import os
import sys

import numpy as np
from scipy.special import betaincinv

SEED = 20251204
MEMBERS = [0, 1, 3]            # not contiguous: the evaluation takes whichever members exist
OBJECT_TYPES = ["HLT", "L1"]
OPTIONS = {
    "target_rate_hz": 25.0,
    "l1ad_rate_hz": 1000.0,
    "l1ad_threshold": 0.75,
    "l1ad_total_rate_hz": 1523.25,
    "l1all_incoming_rate_hz": 100e3,
    "background_tag": "EB_test",
}
PILEUP_BINS = 34
PILEUP_MARGIN = 5.0
CONFIDENCE = 0.683
EXCLUDED = ("EB_train", "EB_val")

# tag: (events, is_eb, signal shift of the scores, P(passL1), P(passHLT), P(L1Seeded))
SAMPLES = {
    "EB_test": (3000, True, 0.0, 0.40, 0.15, 0.25),
    "EB_train": (300, True, 0.0, 0.40, 0.15, 0.25),
    "HLT_noalg_eb_L1All": (1200, True, 0.1, 0.55, 0.20, 0.30),
    "ZZ4lep": (1500, False, 0.8, 0.70, 0.60, 0.40),
    "HAHMggfZdZd2l2nu": (1500, False, 1.2, 0.50, 0.20, 0.55),
    "jjJZ2": (1000, False, 0.3, 0.60, 0.05, 0.35),
    "qqa_noHLT": (800, False, 0.9, 0.50, 0.00, 0.45),     # no HLT pass: gains are null
    "ttbar_noSeed": (800, False, 0.6, 0.50, 0.30, 0.00),  # no L1Seeded event: L1-seeded ASE/ROC null
    "Ato4l_unseen": (500, False, 1.5, 0.00, 0.00, 0.00),  # neither seed: ASE and ROC of both schemes null
}


def make_dataset(rng):
    samples = []
    latent = {}
    for tag, (n, is_eb, shift, p_l1, p_hlt, p_seed) in SAMPLES.items():
        anomaly = rng.normal(shift, 1.0, n)
        if is_eb:
            weights = [float(f"{w:.3g}") for w in 10.0 ** rng.uniform(-2, 3, n)]
        else:
            weights = [1.0] * n
        # Seeding and menu decisions lean on the anomaly, so the efficiencies are not trivial.
        lean = 1 / (1 + np.exp(-(anomaly - shift)))
        pass_l1 = rng.uniform(size=n) < p_l1 * 2 * lean
        pass_hlt = (rng.uniform(size=n) < p_hlt * 2 * lean) & (pass_l1 | (rng.uniform(size=n) < 0.2))
        seeded = rng.uniform(size=n) < p_seed * 2 * lean
        entry = {
            "tag": tag,
            "weights": weights,
            "passL1": "".join("1" if x else "0" for x in pass_l1),
            "passHLT": "".join("1" if x else "0" for x in pass_hlt),
            "L1Seeded": "".join("1" if x else "0" for x in seeded),
        }
        if is_eb:
            centi = np.round(rng.uniform(15, 65, n) * 100).astype(int)
            centi[rng.uniform(size=n) < 0.03] = 0
            entry["pileups_centi"] = centi.tolist()
        samples.append(entry)
        latent[tag] = anomaly
    scores = []
    for member in MEMBERS:
        per_type = {}
        for o, obj in enumerate(OBJECT_TYPES):
            per_tag = {}
            for tag, anomaly in latent.items():
                noisy = anomaly * (1.0 - 0.3 * o) + rng.normal(0, 0.5, anomaly.size)
                # L1 scores on a coarser grid (steps of 0.025), so that events tie at the thresholds too.
                step = 25 if obj == "L1" else 1
                milli = (np.round(np.exp(noisy) * 1000 / 3 / step) * step).astype(int)
                per_tag[tag] = np.clip(milli, 0, None).tolist()
            per_type[obj] = per_tag
        scores.append({"member": member, "scores_milli": per_type})
    return {"options": OPTIONS, "samples": samples, "members": scores}


def decode(dataset):
    samples = {}
    for s in dataset["samples"]:
        d = {
            "weights": np.array(s["weights"], dtype=np.float64),
            "passL1": np.array([c == "1" for c in s["passL1"]]),
            "passHLT": np.array([c == "1" for c in s["passHLT"]]),
            "L1Seeded": np.array([c == "1" for c in s["L1Seeded"]]),
        }
        if "pileups_centi" in s:
            d["pileups"] = (np.array(s["pileups_centi"], dtype=np.float64) / 100).astype(np.float32)
        samples[s["tag"]] = d
    members = []
    for m in dataset["members"]:
        members.append((m["member"], {
            obj: {tag: (np.array(v, dtype=np.float64) / 1000).astype(np.float32) for tag, v in per_tag.items()}
            for obj, per_tag in m["scores_milli"].items()}))
    return samples, members


# ---- section 5 -------------------------------------------------------------------------------------------------
def find_threshold(scores, weights, passed, target, incoming):
    if scores.size == 0 or not weights.sum() > 0:
        raise ValueError("empty background")
    levels, inverse = np.unique(scores, return_inverse=True)
    pure = np.bincount(inverse, weights=np.where(passed, 0.0, weights), minlength=levels.size)
    total = np.bincount(inverse, weights=weights, minlength=levels.size)
    pure_at = np.cumsum(pure[::-1])[::-1]      # weight of events with score >= level, per level
    total_at = np.cumsum(total[::-1])[::-1]
    w = weights.sum()
    pure_rate = pure_at * incoming / w
    reaching = np.nonzero(pure_rate >= target)[0]
    if reaching.size == 0:
        raise ValueError("impossible rate")
    i = reaching.max()
    return float(levels[i]), float(pure_rate[i]), float(total_at[i] * incoming / w)


# ---- section 9 -------------------------------------------------------------------------------------------------
def efficiency(weights, in_set, pass_hlt, anomalous):
    w = weights[in_set]
    total = w.sum()
    if w.size == 0 or not total > 0:
        return {"HLT_efficiency": None, "Combined_efficiency": None, "gain_percent": None}
    hlt = float(np.sum(w * pass_hlt[in_set]) / total)
    combined = float(np.sum(w * (pass_hlt | anomalous)[in_set]) / total)
    gain = (combined - hlt) / hlt * 100 if hlt > 0 else None
    return {"HLT_efficiency": hlt, "Combined_efficiency": combined, "gain_percent": gain}


def roc(bkg_scores, bkg_weights, sig_scores, sig_weights, target_fpr):
    if sig_scores.size == 0 or not sig_weights.sum() > 0:
        return {"auc": None, "signal_efficiency": None}
    scores = np.concatenate([bkg_scores, sig_scores])
    weights = np.concatenate([bkg_weights, sig_weights])
    label = np.concatenate([np.zeros(bkg_scores.size), np.ones(sig_scores.size)])
    levels, inverse = np.unique(scores, return_inverse=True)
    fp = np.cumsum(np.bincount(inverse, weights=weights * (1 - label), minlength=levels.size)[::-1])
    tp = np.cumsum(np.bincount(inverse, weights=weights * label, minlength=levels.size)[::-1])
    fpr = np.concatenate([[0.0], fp / fp[-1]])
    tpr = np.concatenate([[0.0], tp / tp[-1]])
    auc = float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
    nearest = int(np.argmin(np.abs(fpr - target_fpr)))   # first = highest score on a tie
    return {"auc": auc, "signal_efficiency": float(tpr[nearest])}


def pileup_efficiency(pileups, weights, anomalous):
    mu = pileups.astype(np.float64)
    if not np.any(mu != 0):
        return None
    lo = mu[mu != 0].min() - PILEUP_MARGIN
    hi = mu.max() + PILEUP_MARGIN
    edges = np.linspace(lo, hi, PILEUP_BINS + 1)
    inside = (mu >= lo) & (mu <= hi)
    index = np.minimum(np.searchsorted(edges, mu, side="right") - 1, PILEUP_BINS - 1)
    alpha = 1 - CONFIDENCE
    eff, lower, upper = [], [], []
    for b in range(PILEUP_BINS):
        sel = inside & (index == b)
        w = weights[sel]
        if w.size == 0 or not w.sum() > 0:
            eff.append(None), lower.append(None), upper.append(None)
            continue
        e = float(np.sum(w[anomalous[sel]]) / w.sum())
        n_eff = w.sum() ** 2 / np.sum(w ** 2)
        k_eff = e * n_eff
        lower.append(0.0 if k_eff == 0 else float(betaincinv(k_eff, n_eff - k_eff + 1, alpha / 2)))
        upper.append(1.0 if e == 1 else float(betaincinv(k_eff + 1, n_eff - k_eff, 1 - alpha / 2)))
        eff.append(e)
    return {"confidence_level": CONFIDENCE, "edges": edges.tolist(), "efficiency": eff,
            "lower": lower, "upper": upper}


def evaluate_object_type(samples, scores, options=OPTIONS):
    bkg = samples[options["background_tag"]]
    bkg_scores = scores[options["background_tag"]]
    tags = sorted((t for t in samples if t not in EXCLUDED), key=lambda t: t.encode())
    schemes = {}
    for seeding, incoming in (("l1Seeded", options["l1ad_total_rate_hz"]),
                              ("l1All", options["l1all_incoming_rate_hz"])):
        def seed_mask(d):
            return d["L1Seeded"] if seeding == "l1Seeded" else (d["L1Seeded"] | d["passL1"])
        m = seed_mask(bkg)
        thr, pure, total = find_threshold(bkg_scores[m], bkg["weights"][m], bkg["passHLT"][m],
                                          options["target_rate_hz"], incoming)
        target_fpr = total / incoming
        result = {"threshold": thr, "pure_rate_hz": pure, "total_rate_hz": total, "incoming_rate_hz": incoming,
                  "target_fpr": target_fpr}
        kinds = ["ASE", "TSE", "MiSE"] if seeding == "l1Seeded" else ["ASE", "TSE"]
        for kind in kinds:
            result[kind] = {}
        result["roc"] = {}
        for tag in tags:
            d, s = samples[tag], scores[tag]
            seed = seed_mask(d)
            anomalous = (s >= np.float32(thr)) & seed
            everything = np.ones(s.size, dtype=bool)
            sets = {"ASE": seed, "TSE": everything, "MiSE": d["L1Seeded"] | d["passL1"]}
            for kind in kinds:
                extra = d["passHLT"] if kind == "MiSE" else np.zeros(s.size, dtype=bool)
                result[kind][tag] = efficiency(d["weights"], sets[kind], d["passHLT"], anomalous | extra)
            result["roc"][tag] = roc(bkg_scores[m], bkg["weights"][m], s[seed], d["weights"][seed], target_fpr)
        schemes[seeding] = result
    seeded = bkg["L1Seeded"]
    anomalous = (bkg_scores >= np.float32(schemes["l1Seeded"]["threshold"]))[seeded]
    pileup = pileup_efficiency(bkg["pileups"][seeded], bkg["weights"][seeded], anomalous)
    return {"l1Seeded": schemes["l1Seeded"], "l1All": schemes["l1All"], "pileup": pileup}


def statistic(values):
    present = [v for v in values if v is not None]
    if not present:
        return {"mean": None, "std": None, "count": 0}
    return {"mean": float(np.mean(present)), "std": float(np.std(present)), "count": len(present)}


def summarise(members):
    summary = {}
    for obj in OBJECT_TYPES:
        results = [m[obj] for m in members]
        out = {"members": [m["member"] for m in members]}
        for seeding in ("l1Seeded", "l1All"):
            kinds = ["ASE", "TSE", "MiSE"] if seeding == "l1Seeded" else ["ASE", "TSE"]
            block = {}
            tags = sorted(results[0][seeding]["ASE"].keys(), key=lambda t: t.encode())
            for kind in kinds:
                block[kind] = {tag: {q: statistic([r[seeding][kind][tag][q] for r in results])
                                     for q in ("HLT_efficiency", "Combined_efficiency", "gain_percent")}
                               for tag in tags}
            block["roc"] = {tag: {q: statistic([r[seeding]["roc"][tag][q] for r in results])
                                  for q in ("auc", "signal_efficiency")}
                            for tag in tags}
            out[seeding] = block
        summary[obj] = out
    return summary


def results_document(options, member_results):
    return {
        "format_version": 1,
        "target_rate_hz": options["target_rate_hz"],
        "l1ad_rate_hz": options["l1ad_rate_hz"],
        "l1all_incoming_rate_hz": options["l1all_incoming_rate_hz"],
        "background_tag": options["background_tag"],
        "l1ad": {"threshold": options["l1ad_threshold"], "total_rate_hz": options["l1ad_total_rate_hz"]},
        "members": member_results,
        "summary": summarise(member_results),
    }


def synthetic_main(out_dir):
    rng = np.random.default_rng(SEED)
    dataset = make_dataset(rng)
    samples, members = decode(dataset)
    member_results = []
    for member, per_type in members:
        entry = {"member": member}
        for obj in OBJECT_TYPES:
            entry[obj] = evaluate_object_type(samples, per_type[obj])
        member_results.append(entry)
    expected = results_document(OPTIONS, member_results)
    with open(os.path.join(out_dir, "synthetic_dataset.json"), "w") as f:
        json.dump(dataset, f, separators=(",", ":"))
    with open(os.path.join(out_dir, "synthetic_expected.json"), "w") as f:
        json.dump(expected, f, indent=1, allow_nan=False)


# ---- a trained trial: hltad's preprocessed folder and score files ------------------------------------------------
def read_preprocessed(directory):
    """The evaluated samples (every <tag>.h5 listed in preprocess_info.json except EB_train/EB_val)."""
    import h5py
    with open(os.path.join(directory, "preprocess_info.json")) as f:
        info = json.load(f)
    samples = {}
    for tag in info["row_counts"]:
        if tag in EXCLUDED:
            continue
        with h5py.File(os.path.join(directory, tag + ".h5"), "r") as h:
            d = {name: np.asarray(h[name][()], dtype=bool) for name in ("passL1", "passHLT", "L1Seeded")}
            d["weights"] = np.asarray(h["weights"][()], dtype=np.float64)
            d["topo2A_AD_scores"] = np.asarray(h["topo2A_AD_scores"][()], dtype=np.float32)
            if "pileups" in h:
                d["pileups"] = np.asarray(h["pileups"][()], dtype=np.float32)
        samples[tag] = d
    return info, samples


def check_against_matched(info, samples, matched_dir):
    """The L1AD threshold and seeding of section 6 step 1, recomputed from the matched topo2A_train."""
    import h5py
    with h5py.File(os.path.join(matched_dir, "topo2A_train.h5"), "r") as h:
        thr, pure, total = find_threshold(np.asarray(h["topo2A_AD_scores"][()], dtype=np.float32),
                                          np.asarray(h["weights"][()], dtype=np.float64),
                                          np.asarray(h["passL1"][()], dtype=bool), info["L1AD_rate"],
                                          info["incoming_rate"])
    assert np.float32(thr) == np.float32(info["L1AD_threshold"]), (thr, info["L1AD_threshold"])
    assert math.isclose(total, info["L1AD_total_rate"], rel_tol=1e-12), (total, info["L1AD_total_rate"])
    for tag, d in samples.items():
        assert np.array_equal(d["L1Seeded"], d["topo2A_AD_scores"] >= np.float32(thr)), tag
    runs = sorted(f[:-3] for f in os.listdir(matched_dir) if f.startswith("EB_") and f[3:-3].isdigit())
    weights = []
    for run in runs:
        with h5py.File(os.path.join(matched_dir, run + ".h5"), "r") as h:
            weights.append(np.asarray(h["weights"][()], dtype=np.float64))
    assert np.array_equal(np.concatenate(weights), samples["EB_test"]["weights"]), "EB_test rows"


def read_scores(scores_dir, tags):
    import h5py
    members = []
    for name in sorted(os.listdir(scores_dir), key=lambda n: int(n.split("_")[1])):
        member = int(name.split("_")[1])
        per_type = {obj: {} for obj in OBJECT_TYPES}
        for tag in tags:
            with h5py.File(os.path.join(scores_dir, name, tag + ".h5"), "r") as h:
                for obj in OBJECT_TYPES:
                    per_type[obj][tag] = np.asarray(h[obj + "_AD_scores"][()], dtype=np.float32)
        members.append((member, per_type))
    return members


def trial_main(preprocessed_dir, scores_dir, target_rate, out_path, matched_dir=None):
    info, samples = read_preprocessed(preprocessed_dir)
    if matched_dir:
        check_against_matched(info, samples, matched_dir)
    options = {
        "target_rate_hz": float(target_rate),
        "l1ad_rate_hz": info["L1AD_rate"],
        "l1ad_threshold": float(np.float32(info["L1AD_threshold"])),   # a float32, written shortest
        "l1ad_total_rate_hz": info["L1AD_total_rate"],
        "l1all_incoming_rate_hz": 100e3,
        "background_tag": "EB_test",
    }
    member_results = []
    for member, per_type in read_scores(scores_dir, list(samples)):
        for obj in OBJECT_TYPES:
            for tag, d in samples.items():
                assert per_type[obj][tag].size == d["weights"].size, (member, obj, tag)
        entry = {"member": member}
        for obj in OBJECT_TYPES:
            entry[obj] = evaluate_object_type(samples, per_type[obj], options)
        member_results.append(entry)
    with open(out_path, "w") as f:
        json.dump(results_document(options, member_results), f, indent=1, allow_nan=False)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--trial":
        # --trial PREPROCESSED_DIR SCORES_DIR TARGET_RATE_HZ OUT.json [MATCHED_DIR]
        trial_main(*sys.argv[2:7])
        return
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "..", "tests", "Hltad.Tests", "TestData", "evaluation")
    synthetic_main(out_dir)


if __name__ == "__main__":
    main()
