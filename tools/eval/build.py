#!/usr/bin/env python3
"""Builds the evaluation corpus and the story pair set from the gathered files (one JSON object per line, see
tests/BorderAlerts.Core.Tests/Fixtures/eval/README.md). Run once; the split is fixed by a hash of each id (items) or
event key (pairs), so re-running with more gathered lines never moves an existing line between parts.

usage: tools/eval/build.py GATHERED_DIR OUT_DIR
"""
import hashlib, itertools, json, os, re, sys, unicodedata

HOLDOUT_SHARE = 2  # of 5: 40 % held out
MAX_PAIRS_PER_EVENT = 8

def holdout(key):
    return int(hashlib.sha1(key.encode()).hexdigest(), 16) % 5 < HOLDOUT_SHARE

def norm(title):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", title)).strip().lower()

def load(directory):
    items, seen = [], set()
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".jsonl"):
            continue
        source = name[:-6]
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                item = json.loads(line)
                key = norm(item["title"])
                if key in seen:
                    continue
                seen.add(key)
                item["gathered"] = source
                items.append(item)
    return items

FIELDS = ["id", "lang", "title", "text", "relevant", "class", "outlet", "date", "url", "event"]

def write_items(items, out):
    parts = {"tune": [], "holdout": []}
    for item in items:
        parts["holdout" if holdout(item["id"]) else "tune"].append(item)
    for part, lines in parts.items():
        with open(os.path.join(out, f"{part}.jsonl"), "w", encoding="utf-8") as f:
            for item in lines:
                f.write(json.dumps({k: item.get(k, "") for k in FIELDS}, ensure_ascii=False) + "\n")
    return {k: len(v) for k, v in parts.items()}

def day(key):
    m = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", key or "")
    return None if not m else (int(m[1]), int(m[2]), int(m[3] or 15))

def far_apart(a, b):
    da, db = day(a), day(b)
    if not da or not db:
        return False
    return abs((da[0] * 372 + da[1] * 31 + da[2]) - (db[0] * 372 + db[1] * 31 + db[2])) > 7

def brief(item):
    return {"id": item["id"], "lang": item["lang"], "feed": item.get("outlet") or item["gathered"], "date": item.get("date", ""),
            "title": item["title"], "text": item.get("text", "")}

def write_pairs(items, out):
    keyed = [i for i in items if i.get("event") and i["relevant"]]  # only items that alert are grouped
    pairs = []
    for a, b in itertools.combinations(keyed, 2):
        same_file = a["gathered"] == b["gathered"]
        if a["event"] == b["event"]:
            if (a.get("outlet") or "") == (b.get("outlet") or "") and a.get("outlet"):
                continue  # one outlet's two reports: an update or a follow-up, not a re-report; left out
            pairs.append((True, a, b, a["event"], a["event"]))
        elif same_file or far_apart(a["event"], b["event"]):
            hard = (a.get("class") == b.get("class")) + (a["lang"] == b["lang"]) + (a["relevant"] and b["relevant"])
            pairs.append((False, a, b, a["event"], b["event"], hard))
    positives, per_event = [], {}
    for p in sorted((p for p in pairs if p[0]), key=lambda p: hashlib.sha1((p[1]["id"] + p[2]["id"]).encode()).hexdigest()):
        per_event[p[3]] = per_event.get(p[3], 0) + 1
        if per_event[p[3]] <= MAX_PAIRS_PER_EVENT:
            positives.append(p)  # a resolution reported thirty times must not outweigh thirty events reported twice
    negatives = sorted((p for p in pairs if not p[0]),
                       key=lambda p: (-p[5], hashlib.sha1((p[1]["id"] + p[2]["id"]).encode()).hexdigest()))
    negatives = negatives[: max(3 * len(positives), 300)]
    counts = {"tune": [0, 0], "holdout": [0, 0]}
    with open(os.path.join(out, "pairs.jsonl"), "w", encoding="utf-8") as f:
        for n, p in enumerate(positives + negatives, 1):
            ha, hb = holdout(p[3]), holdout(p[4])
            if ha != hb:
                continue  # a pair across the parts would let tuning see a held-out event
            split = "holdout" if ha else "tune"
            counts[split][0 if p[0] else 1] += 1
            f.write(json.dumps({"pair": f"p-{n:04d}", "same": p[0], "split": split, "a": brief(p[1]), "b": brief(p[2]),
                                "events": [p[3], p[4]]}, ensure_ascii=False) + "\n")
    return counts

if __name__ == "__main__":
    gathered, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    items = load(gathered)
    print("items", write_items(items, out))
    print("pairs (same, different)", write_pairs(items, out))
