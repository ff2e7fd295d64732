#!/usr/bin/python3
"""Reference side of the feed-parser parity benchmark (issue 20; docs/benchmarks.md "Feed parser parity").

Runs Python's feedparser (Debian's python3-feedparser, a dev-only tool) over every file of the parity corpus
and writes one JSON line per file: what feedparser read (bozo, encoding, items and per item title, link, id,
date as ISO UTC). The `parity` benchmark verb compares BorderAlerts' parser against these lines.

usage: /usr/bin/python3 tools/parity/reference.py [--out tests/BorderAlerts.Benchmarks/Parity/reference.jsonl]
Run from the repository root. Use Debian's /usr/bin/python3: it has feedparser; other Pythons may not.
"""
import calendar, datetime, html, json, os, re, sys

try:
    import feedparser
except ImportError:
    sys.exit("error: feedparser is not installed for %s; install it with `apt-get install python3-feedparser` "
             "and run this script with /usr/bin/python3" % sys.executable)

# The address every corpus file is taken to have been fetched from; the parity verb uses the same one.
FETCHED_FROM = "http://example.org/feed.xml"
ROOTS = [
    "tests/BorderAlerts.Benchmarks/Parity/corpus",
    "tests/BorderAlerts.Core.Tests/Fixtures/realfeeds",
    "tests/BorderAlerts.Tests/Fixtures/outlets",
    "tests/BorderAlerts.Tests/Fixtures/legacy",
    "tests/BorderAlerts.Tests/Fixtures/edge",
    "tests/BorderAlerts.Tests/Fixtures/broken",
]
# JSON list pages are left out: feedparser does not read JSON.
FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf", ".html")
# feedparser's own tests give the HTTP headers they were served with in their description comment.
HEADER = re.compile(rb"^\s*Header:\s*([A-Za-z-]+):\s*(.+?)\s*$", re.M)
TAG = re.compile(r"<[^>]*>")


def served_headers(body):
    head = body[:2000]
    if b"Header:" not in head:
        return {}
    return {k.decode("ascii").lower(): v.decode("latin-1") for k, v in HEADER.findall(head)}


def plain(detail, value):
    """Titles as plain text: markup removed and entities decoded, whitespace collapsed."""
    if not value:
        return ""
    if detail is not None and detail.get("type") in ("text/html", "application/xhtml+xml"):
        value = html.unescape(TAG.sub(" ", value))
    return " ".join(value.split())


def iso(parsed):
    if parsed is None:
        return None
    return datetime.datetime.fromtimestamp(calendar.timegm(parsed), datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def readable(entry):
    text = entry.get("title") or entry.get("summary") or "".join(c.get("value", "") for c in entry.get("content", []))
    return bool(TAG.sub("", text or "").strip())


def entry_json(entry):
    return {
        "title": plain(entry.get("title_detail"), entry.get("title")),
        "link": entry.get("link"),
        "id": entry.get("id"),
        "date": iso(entry.get("published_parsed") or entry.get("updated_parsed")),
        "readable": readable(entry),
    }


def record(path):
    with open(path, "rb") as f:
        body = f.read()
    # Only the Content-Type: BorderAlerts resolves against the address it fetched, not a Content-Location header.
    served = served_headers(body).get("content-type")
    headers = {"content-location": FETCHED_FROM}
    if served:
        headers["content-type"] = served
    # With no Content-Type feedparser reports every file as bozo (NonXMLContentType); application/xml without a
    # charset lets the XML declaration decide, as BorderAlerts does when a test passes no Content-Type.
    headers.setdefault("content-type", "application/xml")
    try:
        result = feedparser.parse(body, response_headers=headers)
    except Exception as e:  # feedparser 6.0.10 raises on a few inputs (charref_out_of_range.xml); the verb reports them
        return {"path": path, "contentType": served, "error": "%s: %s" % (type(e).__name__, e), "bozo": True, "items": []}
    return {
        "path": path,
        "error": None,
        "contentType": served,
        "bozo": bool(result.get("bozo")),
        "bozoException": type(result.bozo_exception).__name__ if result.get("bozo") else None,
        "encoding": result.get("encoding"),
        "version": result.get("version") or None,
        "items": [entry_json(e) for e in result.entries],
    }


def corpus_files():
    for root in ROOTS:
        if not os.path.isdir(root):
            sys.exit("error: corpus folder %s is missing (run from the repository root)" % root)
        for folder, _, names in os.walk(root):
            for name in sorted(names):
                if name.lower().endswith(FEED_SUFFIXES):
                    yield os.path.join(folder, name).replace(os.sep, "/")


def main(argv):
    out = "tests/BorderAlerts.Benchmarks/Parity/reference.jsonl"
    if len(argv) == 2 and argv[0] == "--out":
        out = argv[1]
    elif argv:
        sys.exit("usage: /usr/bin/python3 tools/parity/reference.py [--out FILE]")
    lines = [json.dumps(record(p), ensure_ascii=False, sort_keys=True) for p in sorted(corpus_files())]
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("feedparser %s: %d files -> %s" % (feedparser.__version__, len(lines), out))


if __name__ == "__main__":
    main(sys.argv[1:])
