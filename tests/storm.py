"""A write storm: several processes run mixed operations on the same claims, through the services.

Used by tests/test_concurrency_stress.py and bench/concurrency.py. Each worker records every write
the database acknowledged, every conflict (with the current values it was shown) and every refusal.
"""

from __future__ import annotations

import multiprocessing as mp
import random
import time
import traceback
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from claimtrack import db, services, workflow
from claimtrack.models import ClaimState, LinkRelation, Role, Stance, Verdict

HOT = 6  # claims every worker writes to
OWN = 4  # claims per worker used as link sources and merge duplicates
RELATIONS = [LinkRelation.denies, LinkRelation.contradicts, LinkRelation.supports, LinkRelation.repeats,
             LinkRelation.updates]
EVENTS_PER_OP = {"state": 1, "verdict": 1, "rationale": 1, "tags": 1, "comment": 1, "evidence": 1, "link": 1,
                 "merge": 2, "unmerge": 1}  # a merge writes the duplicate_of link's event and its own


@dataclass
class Layout:
    hot: list[int]
    own: dict[int, list[int]]  # worker -> its claims


@dataclass
class WorkerResult:
    worker: int
    acked: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    stale_attempts: int = 0
    stale_conflicts: int = 0
    refused: int = 0
    lock_errors: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


def setup(engine: Engine, workers: int) -> Layout:
    """Analysts w0..wN (admins, so every operation is allowed by role) and the claims they share."""
    with db.atomic(engine) as s:
        boss = services.ensure_analyst(session=s, handle="boss")
        for w in range(workers):
            if s.exec(sa.select(services.Analyst).where(services.Analyst.handle == f"w{w}")).first() is None:  # type: ignore[call-overload]
                services.add_analyst(session=s, by=boss, handle=f"w{w}", role=Role.admin)
        hot = [services.create_claim(session=s, by=boss, text=f"shared claim {i}", language="en").id for i in range(HOT)]
        own = {w: [services.create_claim(session=s, by=boss, text=f"claim {i} of worker {w}", language="en").id
                   for i in range(OWN)] for w in range(workers)}
    return Layout(hot=hot, own=own)  # type: ignore[arg-type]


class Worker:
    """One process's share of the storm."""

    def __init__(self, engine: Engine, layout: Layout, worker: int, seed: int) -> None:
        self.engine, self.layout, self.w = engine, layout, worker
        self.rng = random.Random(seed * 1000 + worker)
        self.res = WorkerResult(worker)
        self.used_links: set[tuple[int, int, LinkRelation]] = set()
        self.merged: dict[int, int | None] = {c: None for c in layout.own[worker][OWN // 2:]}

    def read(self, cid: int) -> tuple[int, ClaimState]:
        with db.session(self.engine) as s:
            c = services.get_claim(session=s, claim_id=cid)
            return c.version, c.state

    def write(self, op: str, fn: Any, **record: Any) -> Any:
        """Run fn(session, me) in one transaction; record the outcome."""
        try:
            with db.atomic(self.engine) as s:
                me = services.get_analyst(session=s, handle=f"w{self.w}")
                out = fn(s, me)
        except services.ConflictError as exc:
            self.res.conflicts.append({"op": op, **record, "current": exc.current})
            return exc
        except (workflow.WorkflowError, services.ClaimtrackError):
            self.res.refused += 1
            return None
        except sa.exc.OperationalError as exc:
            if "locked" in str(exc).lower():
                self.res.lock_errors += 1
            self.res.errors.append(str(exc).splitlines()[0])
            return None
        self.res.acked.append({"op": op, **record, **self.describe(op, out)})
        return out

    @staticmethod
    def describe(op: str, out: Any) -> dict[str, Any]:
        if op in ("comment", "evidence", "link"):
            return {"row_id": out.id}
        return {"version": out.version, "snapshot": services.claim_snapshot(out)}

    def step(self) -> None:
        ops = ["state", "verdict", "tags", "comment", "evidence", "link", "merge", "stale", "state", "tags"]
        getattr(self, f"op_{self.rng.choice(ops)}")()

    def op_state(self) -> None:
        cid = self.rng.choice(self.layout.hot)
        version, state = self.read(cid)
        target = self.rng.choice(sorted(workflow.TRANSITIONS[state], key=lambda s: s.value))
        self.write("state", lambda s, me: services.set_state(session=s, by=me, claim_id=cid, state=target,
                   expected_version=version, comment="storm: " + target.value), claim_id=cid, expected=version)

    def op_verdict(self) -> None:
        cid = self.rng.choice(self.layout.hot)
        version, _ = self.read(cid)
        verdict = self.rng.choice([Verdict.unverifiable, Verdict.false, Verdict.mostly_true, Verdict.mixed])
        self.write("verdict", lambda s, me: services.set_verdict(session=s, by=me, claim_id=cid, verdict=verdict,
                   rationale=f"w{self.w} says {verdict.value}", expected_version=version), claim_id=cid, expected=version)

    def op_tags(self) -> None:
        cid = self.rng.choice(self.layout.hot)
        version, _ = self.read(cid)
        tag = f"t{self.rng.randrange(20)}"
        self.write("tags", lambda s, me: services.set_tags(session=s, by=me, claim_id=cid, add=[tag],
                   expected_version=version), claim_id=cid, expected=version)

    def op_comment(self) -> None:
        cid = self.rng.choice(self.layout.hot)
        body = f"w{self.w} comment {len(self.res.acked)}"
        self.write("comment", lambda s, me: services.comment(session=s, by=me, claim_id=cid, body=body),
                   claim_id=cid, body=body)

    def op_evidence(self) -> None:
        cid = self.rng.choice(self.layout.hot)
        note = f"w{self.w} source {len(self.res.acked)}"
        self.write("evidence", lambda s, me: services.add_evidence(session=s, by=me, claim_id=cid,
                   stance=Stance.supports, note=note, reliability="B", credibility=2), claim_id=cid, note=note)

    def op_link(self) -> None:
        src = self.rng.choice(self.layout.own[self.w][:OWN // 2])
        tgt, rel = self.rng.choice(self.layout.hot), self.rng.choice(RELATIONS)
        if (src, tgt, rel) in self.used_links:
            return self.op_comment()
        self.used_links.add((src, tgt, rel))
        self.write("link", lambda s, me: services.link_claims(session=s, by=me, source_id=src, relation=rel,
                   target_id=tgt), source=src, target=tgt, relation=rel.value)
        return None

    def op_merge(self) -> None:
        dup = self.rng.choice(sorted(self.merged))
        if self.merged[dup] is None:
            keep = self.rng.choice(self.layout.hot)
            if self.write("merge", lambda s, me: services.merge(session=s, by=me, keep_id=keep, duplicate_id=dup),
                          claim_id=dup, keep=keep) is not None:
                self.merged[dup] = keep
        elif self.write("unmerge", lambda s, me: services.unmerge(session=s, by=me, claim_id=dup), claim_id=dup):
            self.merged[dup] = None

    def op_stale(self) -> None:
        """An edit made from a version this worker itself has just made stale: it must be refused."""
        cid = self.rng.choice(self.layout.hot)
        version, _ = self.read(cid)
        if self.write("tags", lambda s, me: services.set_tags(session=s, by=me, claim_id=cid, add=[f"w{self.w}"],
                      remove=[f"w{self.w}"] if self.rng.random() < 0.5 else [], expected_version=version),
                      claim_id=cid, expected=version) is None:
            return
        self.res.stale_attempts += 1
        out = self.write("rationale", lambda s, me: services.set_rationale(session=s, by=me, claim_id=cid,
                         rationale="from a stale screen", expected_version=version), claim_id=cid, expected=version,
                         stale=True)
        if isinstance(out, services.ConflictError):
            self.res.stale_conflicts += 1


def run_worker(
    url: str, layout: Layout, worker: int, ops: int, seed: int, start: Any, out: Any, stop: Any = None
) -> None:
    """Run up to `ops` operations, or until `stop` (an Event) is set."""
    engine = db.make_engine(url)
    w = Worker(engine, layout, worker, seed)
    start.wait()
    t0 = time.perf_counter()
    try:
        for _ in range(ops):
            if stop is not None and stop.is_set():
                break
            w.step()
    except Exception:  # noqa: BLE001  (reported to the parent, which fails the test)
        w.res.errors.append(traceback.format_exc().splitlines()[-1])
    w.res.seconds = time.perf_counter() - t0
    engine.dispose()
    out.put(w.res)


def storm(url: str, layout: Layout, workers: int, ops: int, seed: int = 1) -> tuple[list[WorkerResult], float]:
    """Run `workers` processes of `ops` operations each; returns their results and the wall time."""
    ctx = mp.get_context("fork")
    start, out = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=run_worker, args=(url, layout, w, ops, seed, start, out)) for w in range(workers)]
    for p in procs:
        p.start()
    t0 = time.perf_counter()
    start.set()
    results = [out.get(timeout=600) for _ in procs]
    wall = time.perf_counter() - t0
    for p in procs:
        p.join(timeout=60)
    return sorted(results, key=lambda r: r.worker), wall
