"""Services and workflow rules, on SQLite and on a real PostgreSQL server (the `engine` fixture)."""

from __future__ import annotations

import pytest
from helpers import event_protection_bypassed
from sqlalchemy.engine import Engine
from sqlmodel import select

from claimtrack import audit, db, queries, services
from claimtrack.models import ClaimState, Comment, Event, LinkRelation, Role, Stance, Verdict
from claimtrack.services import ConflictError, WorkflowError


def who(s, handle: str):
    return services.get_analyst(session=s, handle=handle)


def test_full_workflow_to_publication(engine: Engine, sample: dict[str, int]) -> None:
    cid = sample["ar_statement"]
    with db.atomic(engine) as s:
        omar = who(s, "omar")
        services.set_state(session=s, by=omar, claim_id=cid, state=ClaimState.triaged)
        services.set_state(session=s, by=omar, claim_id=cid, state=ClaimState.investigating)
        services.add_evidence(session=s, by=omar, claim_id=cid, stance=Stance.refutes,
                              url="https://stats.example.org/gdp", reliability="B", credibility=2,
                              excerpt="growth was 1.1%")
        services.set_verdict(session=s, by=omar, claim_id=cid, verdict=Verdict.false, rationale="official stats say 1.1%")
        services.set_state(session=s, by=omar, claim_id=cid, state=ClaimState.in_review)
    with db.atomic(engine) as s:
        services.set_state(session=s, by=who(s, "rana"), claim_id=cid, state=ClaimState.published)
    with db.session(engine) as s:
        d = queries.claim_detail(session=s, claim_id=cid)
        assert d.claim.state == ClaimState.published
        assert d.claim.verdict == Verdict.false
        assert d.investigator == "omar" and d.reviewer == "rana"
        assert d.evidence[0].evidence.grade == "B2"
        actions = [e.action for e in d.events]
        assert actions.count("set_state") == 4 and "set_verdict" in actions
        assert audit.verify(s).ok


def test_reviewer_cannot_publish_own_verdict(engine: Engine, sample: dict[str, int]) -> None:
    cid = sample["en_statement"]
    with db.atomic(engine) as s:
        rana = who(s, "rana")
        services.set_state(session=s, by=rana, claim_id=cid, state=ClaimState.investigating)
        services.set_verdict(session=s, by=rana, claim_id=cid, verdict=Verdict.unverifiable, rationale="no data")
        services.set_state(session=s, by=rana, claim_id=cid, state=ClaimState.in_review)
    with db.atomic(engine) as s, pytest.raises(WorkflowError, match="four-eyes"):
        services.set_state(session=s, by=who(s, "rana"), claim_id=cid, state=ClaimState.published)
    with db.atomic(engine) as s, pytest.raises(WorkflowError, match="only a reviewer"):
        services.set_state(session=s, by=who(s, "omar"), claim_id=cid, state=ClaimState.published)


def test_rules_refuse_with_reasons(engine: Engine, sample: dict[str, int]) -> None:
    cid = sample["ar_statement"]
    with db.atomic(engine) as s:
        omar = who(s, "omar")
        with pytest.raises(WorkflowError, match="cannot go from new to published"):
            services.set_state(session=s, by=omar, claim_id=cid, state=ClaimState.published)
        with pytest.raises(WorkflowError, match="needs at least one piece of evidence"):
            services.set_verdict(session=s, by=omar, claim_id=cid, verdict=Verdict.true, rationale="x")
        services.set_state(session=s, by=omar, claim_id=cid, state=ClaimState.investigating)
        with pytest.raises(WorkflowError, match="set a verdict"):
            services.set_state(session=s, by=omar, claim_id=cid, state=ClaimState.in_review)
        services.set_verdict(session=s, by=omar, claim_id=cid, verdict=Verdict.unverifiable)
        with pytest.raises(WorkflowError, match="rationale"):
            services.set_state(session=s, by=omar, claim_id=cid, state=ClaimState.in_review)
        services.set_rationale(session=s, by=omar, claim_id=cid, rationale="no public data")
        services.set_state(session=s, by=omar, claim_id=cid, state=ClaimState.in_review)
        rana = who(s, "rana")
        with pytest.raises(WorkflowError, match="needs a comment"):
            services.set_state(session=s, by=rana, claim_id=cid, state=ClaimState.investigating)
        services.set_state(session=s, by=rana, claim_id=cid, state=ClaimState.investigating, comment="cite the source")
        assert [c.body for c in s.exec(select(Comment).where(Comment.claim_id == cid))] == ["cite the source"]


def test_viewer_cannot_change_anything(engine: Engine, sample: dict[str, int]) -> None:
    with db.atomic(engine) as s:
        amal = who(s, "amal")
        services.add_analyst(session=s, by=amal, handle="vic", role=Role.viewer)
    with db.atomic(engine) as s, pytest.raises(WorkflowError, match="viewer"):
        services.set_state(session=s, by=who(s, "vic"), claim_id=sample["ar_statement"], state=ClaimState.triaged)


def test_stale_edit_is_a_conflict_not_an_overwrite(engine: Engine, sample: dict[str, int]) -> None:
    cid = sample["ar_statement"]
    with db.session(engine) as s:
        seen_version = services.get_claim(session=s, claim_id=cid).version
    with db.atomic(engine) as s:  # another analyst gets there first
        services.set_state(session=s, by=who(s, "omar"), claim_id=cid, state=ClaimState.triaged,
                           expected_version=seen_version)
    with db.atomic(engine) as s, pytest.raises(ConflictError, match="changed by someone else") as err:
        services.set_state(session=s, by=who(s, "rana"), claim_id=cid, state=ClaimState.dismissed,
                           expected_version=seen_version)
    assert err.value.current["state"] == "triaged"
    with db.session(engine) as s:
        assert services.get_claim(session=s, claim_id=cid).state == ClaimState.triaged


def test_failed_use_case_leaves_no_trace(engine: Engine, sample: dict[str, int]) -> None:
    with db.session(engine) as s:
        before = len(s.exec(select(Event)).all())
    with pytest.raises(services.ClaimtrackError), db.atomic(engine) as s:
        services.add_evidence(session=s, by=who(s, "omar"), claim_id=sample["ar_statement"], stance=Stance.supports,
                              url="https://x.example", reliability="Z")
    with db.session(engine) as s:
        assert len(s.exec(select(Event)).all()) == before


def test_links_merge_unmerge_assign_comment_tags(engine: Engine, sample: dict[str, int]) -> None:
    a, b = sample["ar_statement"], sample["en_statement"]
    with db.atomic(engine) as s:
        omar = who(s, "omar")
        services.link_claims(session=s, by=omar, source_id=b, relation=LinkRelation.repeats, target_id=a)
        services.assign(session=s, by=omar, claim_id=a, assignee="omar")
        services.comment(session=s, by=omar, claim_id=a, body="check the ministry site")
        services.set_tags(session=s, by=omar, claim_id=a, add=["economy", "gdp"])
        services.merge(session=s, by=omar, keep_id=a, duplicate_id=b)
    with db.session(engine) as s:
        assert queries.count_claims(session=s, filt=queries.ClaimFilter(assignee="omar")) == 1
        assert queries.count_claims(session=s, filt=queries.ClaimFilter(tag="gdp")) == 1
        ids = [r.id for r in queries.page_claims(session=s, filt=queries.ClaimFilter(), limit=10)]
        assert b not in ids  # merged claims leave the queue
        d = queries.claim_detail(session=s, claim_id=b)
        assert {(lv.link.relation, lv.other.id) for lv in d.links if lv.outgoing} == {
            (LinkRelation.repeats, a), (LinkRelation.duplicate_of, a)}
    with db.atomic(engine) as s:
        services.unmerge(session=s, by=who(s, "omar"), claim_id=b)
    with db.session(engine) as s:
        ids = [r.id for r in queries.page_claims(session=s, filt=queries.ClaimFilter(), limit=10)]
        assert b in ids


def test_search_is_arabic_folded_and_safe(engine: Engine, sample: dict[str, int]) -> None:
    with db.session(engine) as s:
        def hits(q: str) -> set[int]:
            return {r.id for r in queries.page_claims(session=s, filt=queries.ClaimFilter(search=q), limit=50)}

        # hamza and ta marbuta folded: "الارقام" finds "الأرقام", "النمو" finds both languages' Arabic
        assert sample["ar_denial"] in hits("الارقام")
        assert hits("growth") == {sample["en_denial"]}
        # FTS syntax in user input is data, not query syntax
        assert hits('growth" OR "economy') == set()
        assert hits('NEAR(") *') == set()
        assert hits("[bold]") == {sample["en_denial"]}


def test_keyset_pagination_visits_every_claim_once(engine: Engine, sample: dict[str, int]) -> None:
    seen: list[int] = []
    with db.session(engine) as s:
        after = None
        while True:
            page = queries.page_claims(session=s, filt=queries.ClaimFilter(), sort="checkworthiness",
                                       descending=True, limit=3, after=after)
            if not page:
                break
            seen += [r.id for r in page]
            after = (queries.sort_value(page[-1], "checkworthiness"), page[-1].id)
    assert sorted(seen) == sorted(set(seen)) and len(seen) == 4


def test_audit_chain_detects_tampering(engine: Engine, sample: dict[str, int]) -> None:
    with event_protection_bypassed(engine), db.atomic(engine) as s:
        ev = s.exec(select(Event).order_by(Event.id)).all()[2]
        ev.rationale = "rewritten history"
        s.add(ev)
    with db.session(engine) as s:
        rep = audit.verify(s)
        assert not rep.ok and rep.first_bad_id == ev.id and "edited" in (rep.problem or "")
