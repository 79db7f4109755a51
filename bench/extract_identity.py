"""Extraction output as canonical JSON, to check that a speed-up changes nothing (byte-identical output).

Extracts, with the checkout's `claimtrack.extract`:
- the whole SaudiNewsNet corpus day twice: as `bench/extract.py` reads it (no publication date) and as the
  blind sets read it (`title\\n\\ncontent\\n`, published 2015-08-11, so the dates are resolved);
- the Arabic dev set (`../shared/eval/dev`), English dev (`../shared/eval/dev-en`), the White House
  transcripts (`../shared/corpus/whitehouse`) and the PolNeAR train articles (English, unlabelled here),
  read as `bench/extract_eval.py` reads them.

Every field of every claim is written (spans, quote, text, claimant with its aliases, title and affiliation,
kind, cue, dates, check-worthiness and its features, context, denial links and their evidence), one JSON line
per document, keys sorted. `run` prints a SHA-256 per part and overall. `compare A B` names the documents that
differ; a document of the sealed fourth final split (`/work/FINAL4_ARTICLES.txt`) is only counted, never shown.

Usage: python bench/extract_identity.py run OUT.jsonl [--quick]
       python bench/extract_identity.py compare A.jsonl B.jsonl [--show N]
To check another checkout: `git archive REV | tar -x -C DIR`, then `PYTHONPATH=DIR python bench/extract_identity.py
run OUT` (the script prints which `claimtrack` it imported).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS_DAY = SHARED / "corpus" / "saudinewsnet" / "2015-08-11.json"
SEALED = Path("/work/FINAL4_ARTICLES.txt")
DAY = "2015-08-11"


def _jsonable(x: object) -> object:
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return {f.name: _jsonable(getattr(x, f.name)) for f in dataclasses.fields(x)}
    if isinstance(x, dict):
        return {str(k): _jsonable(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_jsonable(v) for v in x]
    if isinstance(x, float):
        return repr(x)  # exact, not rounded by the encoder
    return x


def _documents(quick: bool) -> Iterator[tuple[str, str, str, str, str | None, str | None]]:
    """(part, document id, text, language, published, title), in a fixed order."""
    from claimtrack.text import nfc, strip_outlet_prefix

    day = json.loads(CORPUS_DAY.read_text("utf-8"))
    for i, d in enumerate(day):
        yield "day-bench", f"day-bench/{i:04d}", nfc(f"{d.get('title') or ''}\n{d.get('content') or ''}"), "ar", None, None
    for i, d in enumerate(day):
        text = d["title"].strip() + "\n\n" + d["content"].strip() + "\n"
        yield "day-blind", f"day-blind/{i:04d}", strip_outlet_prefix(nfc(text)), "ar", DAY, None
    golds = sorted((SHARED / "eval" / "dev").glob("*.gold.json")) + sorted((SHARED / "eval" / "dev-en").glob("*.gold.json"))
    for gp in golds:
        g = json.loads(gp.read_text("utf-8"))
        text = strip_outlet_prefix(nfc((gp.parent / g["document"]).read_text("utf-8")))
        yield gp.parent.name, f"{gp.parent.name}/{g['document']}", text, g.get("language", "ar"), g.get("published"), None
    for md in sorted((SHARED / "corpus" / "whitehouse").glob("*.md")):
        from claimtrack.ingest.plaintext import read_text

        raw = next(iter(read_text(nfc(md.read_text("utf-8")), str(md), md.name, markdown=True)))
        yield "whitehouse", f"whitehouse/{md.name}", raw.text, "en", md.name[:10], raw.title  # type: ignore[union-attr]
    if quick:
        return
    for p in sorted((SHARED / "corpus" / "polnear" / "train" / "text").glob("*.txt")):
        yield "polnear-train", f"polnear-train/{p.name}", strip_outlet_prefix(nfc(p.read_text("utf-8"))), "en", None, None


def run(out: Path, quick: bool) -> None:
    import claimtrack
    from claimtrack.extract import extract

    print(f"claimtrack from {Path(claimtrack.__file__).parent}", file=sys.stderr)
    parts: dict[str, hashlib._Hash] = {}
    total = hashlib.sha256()
    n_claims = 0
    with out.open("w", encoding="utf-8") as f:
        for part, doc, text, lang, published, title in _documents(quick):
            claims = extract(text, language=lang, published=published, title=title)
            n_claims += len(claims)
            line = json.dumps({"doc": doc, "claims": _jsonable(claims)}, ensure_ascii=False, sort_keys=True) + "\n"
            f.write(line)
            parts.setdefault(part, hashlib.sha256()).update(line.encode())
            total.update(line.encode())
    for part, h in parts.items():
        print(f"{part:15} {h.hexdigest()}")
    print(f"{'all':15} {total.hexdigest()}  ({n_claims} claims)")


def _sealed_docs() -> set[str]:
    idx = [int(x) for x in SEALED.read_text().split()] if SEALED.exists() else []
    return {f"day-{form}/{i:04d}" for i in idx for form in ("bench", "blind")}


def compare(a: Path, b: Path, show: int) -> int:
    """Print the documents whose claims differ (the sealed ones only counted); exit status 1 if any."""
    sealed = _sealed_docs()
    la, lb = a.read_text("utf-8").splitlines(), b.read_text("utf-8").splitlines()
    if len(la) != len(lb):
        print(f"different document counts: {len(la)} and {len(lb)}")
        return 1
    differ = [(x, y) for x, y in zip(la, lb, strict=True) if x != y]
    hidden = sum(json.loads(x)["doc"] in sealed for x, _ in differ)
    shown = [(x, y) for x, y in differ if json.loads(x)["doc"] not in sealed]
    print(f"documents {len(la)}  differing {len(differ)}  (of which sealed, not shown: {hidden})")
    for x, y in shown[:show]:
        dx, dy = json.loads(x), json.loads(y)
        print(f"--- {dx['doc']}")
        ca, cb = dx["claims"], dy["claims"]
        for i in range(max(len(ca), len(cb))):
            if i >= len(ca) or i >= len(cb) or ca[i] != cb[i]:
                print(f"  claim {i}:\n    A {json.dumps(ca[i] if i < len(ca) else None, ensure_ascii=False)}"
                      f"\n    B {json.dumps(cb[i] if i < len(cb) else None, ensure_ascii=False)}")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("out", type=Path)
    r.add_argument("--quick", action="store_true", help="leave out the PolNeAR train articles")
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    c.add_argument("--show", type=int, default=5, help="differing documents to print")
    a = ap.parse_args(argv)
    if a.cmd == "run":
        run(a.out, a.quick)
    else:
        sys.exit(compare(a.a, a.b, a.show))


if __name__ == "__main__":
    main()
