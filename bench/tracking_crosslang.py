"""Cross-language check: the seed article (Arabic) and the White House briefing of 2023-08-30 (English).

Usage: python bench/tracking_crosslang.py
Ingests both into a fresh database and, for each of the seed's Kirby claims that the transcript restates
(judged by reading both; anchors below), reports whether the transcript's statement is among the claim's
top 3 suggestions or related (`repeats`) claims. Target (issue 11): at least 80%.
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSCRIPT = next((ROOT.parent / "shared" / "corpus" / "whitehouse").glob("2023-08-30-*.md"))
sys.path.insert(0, str(ROOT))

# seed claim anchor (Arabic) -> anchor of the transcript sentence that restates it (English)
RESTATED = {
    "هذه المفاوضات «تتقدم بنشاط»": "arms negotiations between Russia and DPRK are actively advancing",
    "روسيا تبحث عن قذائف مدفعية إضافية": "actively seeking to acquire",
    "أن الكرملين أصبح يعتمد على كوريا الشمالية": "forced to turn to rogue regimes",
    "ذهب بوتين إلى إيران وكوريا الشمالية": "forced to turn to rogue regimes",
    "يتواصل مع كوريا الشمالية للحصول": "forced to turn to rogue regimes",
}


def main() -> None:
    from sqlmodel import select

    from claimtrack import db, migrations
    from claimtrack.ingest.pipeline import IngestOptions, ingest
    from claimtrack.models import Appearance, ClaimLink, LinkRelation, Suggestion

    with tempfile.TemporaryDirectory() as tmp:
        engine = db.make_engine(str(Path(tmp) / "x.db"))
        migrations.upgrade(engine)
        ingest(engine, [str(ROOT / "seeds")], analyst="bench", opts=IngestOptions(published=date(2023, 8, 31)))
        ingest(engine, [str(TRANSCRIPT)], analyst="bench", opts=IngestOptions())
        with db.session(engine) as s:
            apps = s.exec(select(Appearance)).all()

            def claim_of(anchor: str) -> int | None:
                return next((a.claim_id for a in apps if anchor in a.quote), None)

            results = []
            for ar, en in RESTATED.items():
                seed_id, target = claim_of(ar), claim_of(en)
                ranked = [(g.score, g.other_id if g.claim_id == seed_id else g.claim_id) for g in s.exec(
                    select(Suggestion).where((Suggestion.claim_id == seed_id) | (Suggestion.other_id == seed_id)))]
                ranked += [(1.0, lk.source_id if lk.target_id == seed_id else lk.target_id) for lk in s.exec(
                    select(ClaimLink).where(ClaimLink.relation == LinkRelation.repeats,
                                            (ClaimLink.source_id == seed_id) | (ClaimLink.target_id == seed_id)))]
                top = [cid for _s, cid in sorted(ranked, key=lambda x: -x[0])[:3]]
                results.append({"seed_claim": seed_id, "transcript_claim": target, "top3": top,
                                "found": target is not None and target in top})
    found = sum(r["found"] for r in results)
    print(json.dumps({"restated": len(results), "in_top3": found, "share": round(found / len(results), 2),
                      "claims": results}, indent=1))


if __name__ == "__main__":
    main()
