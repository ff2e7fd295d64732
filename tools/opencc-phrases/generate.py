#!/usr/bin/python3
"""Regenerates src/BorderAlerts.Core/Text/Data/t2s-phrases.txt: OpenCC's traditional -> simplified phrases (TSPhrases)
that per-character folding (t2s.txt) does not bring together, e.g. 計畫 -> 计划 (characters alone give 计画).
Run by hand only; the build and the tests never run this script (the table is committed as data).

  tools/opencc-phrases/generate.py                       # npm pack opencc@$OPENCC_VERSION (t2s.txt's source)
  OPENCC_VERSION=1.4.3 tools/opencc-phrases/generate.py  # after tools/t2s/generate.sh from the same version
  tools/opencc-phrases/generate.py /usr/share/opencc/TSPhrases.ocd2   # Debian's opencc data (decoded by opencc_dict)
  tools/opencc-phrases/generate.py path/to/TSPhrases.txt

The phrase table must come from the OpenCC version t2s.txt came from: each version splits the work between characters
and phrases differently (Debian's 1.1.6 folds 甦 -> 苏 per character; 1.4.2 only in 甦醒, 甦生, 復甦).
Cross-check (stderr only): each kept phrase is converted with Debian's `opencc -c t2s.json` when it is installed.
Needs: python3, npm (unless a file is given); opencc_dict for .ocd2 input; optional opencc.
"""
import hashlib, os, shutil, subprocess, sys, tarfile, tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "src", "BorderAlerts.Core", "Text", "Data")
OUT = os.path.join(DATA, "t2s-phrases.txt")


def source(work):
    """The TSPhrases.txt to read and how to describe it in the header."""
    if len(sys.argv) > 1:
        path = sys.argv[1]
        desc = f"local file {os.path.basename(path)}"
        if path.endswith(".ocd2"):
            text = os.path.join(work, "TSPhrases.txt")
            subprocess.run(["opencc_dict", "-i", path, "-o", text, "-f", "ocd2", "-t", "text"], check=True)
            version = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${Version}", "opencc"], capture_output=True, text=True).stdout or "opencc"
            return text, f"{desc}, decoded with opencc_dict ({version})"
        return path, desc
    version = os.environ.get("OPENCC_VERSION", "1.4.2")
    subprocess.run(["npm", "pack", f"opencc@{version}", "--silent"], cwd=work, check=True, stdout=subprocess.DEVNULL)
    with tarfile.open(os.path.join(work, f"opencc-{version}.tgz")) as tgz:
        tgz.extract("package/data/dictionary/TSPhrases.txt", work)  # one named regular file: no path tricks to filter
    return os.path.join(work, "package/data/dictionary/TSPhrases.txt"), f"npm package opencc@{version}, file package/data/dictionary/TSPhrases.txt"


def char_fold_table():
    fold = {}
    for line in open(os.path.join(DATA, "t2s.txt"), encoding="utf-8"):
        if not line.startswith("#"):
            k, v = line.rstrip("\n").split("\t")
            fold[k] = v
    return lambda s: "".join(fold.get(c, c) for c in s)


def read_entries(src):
    """OpenCC format: phrase<TAB>candidate[ candidate...]; every candidate is a spelling the phrase may become."""
    entries = {}
    for n, line in enumerate(open(src, encoding="utf-8").read().splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        key, tab, vals = line.partition("\t")
        cands = vals.split(" ")
        if not tab or not key or not all(cands):
            sys.exit(f"{src}:{n}: expected <phrase><TAB><candidate>[ <candidate>...]: {line!r}")
        entries[key] = list(dict.fromkeys(cands))
    return entries


def cross_check(pairs, entries):
    if not shutil.which("opencc"):
        print("opencc cross-check skipped (no opencc command).", file=sys.stderr)
        return
    phrases = list(dict.fromkeys(k for k, _ in pairs))
    result = subprocess.run(["opencc", "-c", "t2s.json"], input="\n".join(phrases) + "\n", capture_output=True, text=True, check=True)
    converted = dict(zip(phrases, result.stdout.splitlines()))
    differ = [k for k in phrases if converted.get(k) not in entries[k]]
    sample = " ".join(f"{k}->{converted.get(k)}/table:{entries[k][0]}" for k in differ[:15]) + (" ..." if len(differ) > 15 else "")
    print(f"opencc -c t2s.json cross-check: {len(phrases) - len(differ)}/{len(phrases)} phrases convert as the table says; "
          f"{len(differ)} differ ({sample})", file=sys.stderr)


def main():
    with tempfile.TemporaryDirectory() as work:
        src, desc = source(work)
        sha256 = hashlib.sha256(open(src, "rb").read()).hexdigest()
        entries = read_entries(src)
    char_fold = char_fold_table()
    # Kept only where characters alone leave the two spellings apart: the rest already meet.
    pairs = [(k, c) for k, cands in entries.items() for c in cands if char_fold(k) != char_fold(c)]
    header = [
        "# Traditional -> simplified Chinese phrases that per-character folding (t2s.txt) keeps apart: <traditional><TAB><simplified>.",
        f"# Source: OpenCC TSPhrases.txt ({desc}), sha256 {sha256}.",
        "# Licence: Apache-2.0 (OpenCC, Copyright BYVoid and contributors, https://github.com/BYVoid/OpenCC).",
        "# Rule: every candidate of every entry whose per-character fold (t2s.txt) differs from the phrase's; source order.",
        "# Generated by: tools/opencc-phrases/generate.py; do not edit by hand.",
        f"# Entries in the source: {len(entries)}; pairs kept: {len(pairs)}.",
    ]
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header) + "\n")
        f.writelines(f"{k}\t{v}\n" for k, v in pairs)
    print(f"wrote {OUT}: {len(pairs)} pairs from {len(entries)} entries", file=sys.stderr)
    cross_check(pairs, entries)


if __name__ == "__main__":
    main()
