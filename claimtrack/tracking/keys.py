"""Blocking keys and their rarity: candidates come from shared rare keys, never from a full scan.

A claim's keys: `t:` content-word stems, `n:` numbers, `e:` gazetteer entities, `g:` glossary concepts
and `s:` the claimant's script-neutral name skeleton (`n:`, `e:`, `g:` and `s:` are the same in Arabic
and English: cross-language candidates block on them). They are stored in `claim_key` (primary key (key, claim_id)) until a key
is held by MAX_DF claims: beyond that it is too common to block on and is no longer stored, so the
stored document frequency of a key saturates at MAX_DF (cached per `KeyIndex`).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from operator import itemgetter

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from claimtrack.bulk_insert import executemany
from claimtrack.models import Claim, ClaimKey, table_of
from claimtrack.tracking.features import TextFeatures

MAX_KEY = 80
MAX_DF = 150  # keys held by more claims than this are too common to block on
BLOCK_KEYS = 16  # the rarest keys of a claim used to find candidates
CANDIDATES = 15
CROSS_CANDIDATES = 40  # cross-language candidates per claim (scored by agreeing signals)
NEUTRAL = ("n:", "e:", "g:", "s:")
MIN_STATISTICS = 200
STORED_CAP = 1_000_000  # (key, claim) rows a run remembers in memory to answer from instead of querying


def claim_keys(f: TextFeatures, speaker_key: str | None = None) -> list[str]:
    """The blocking keys of a claim from its text features and its claimant's name skeleton."""
    keys = {f"t:{t}" for t in f.terms} | {f"n:{n}" for n in f.numbers if len(n) >= 2}
    keys |= {f"e:{e}" for e in f.entities}
    keys |= {x for x in f.neutral if x.startswith("g:")}
    if speaker_key:
        keys |= {f"s:{k}" for k in speaker_key.split() if len(k) >= 3}
    return sorted(k[:MAX_KEY] for k in keys)


class KeyIndex:
    """Reads and writes `claim_key`; caches document frequencies for one run."""

    def __init__(self) -> None:
        self._df: dict[str, int] = {}
        self._post: dict[str, list[int]] = {}  # posting lists of rare keys, read once per run
        self._total: int | None = None
        # When claim_key was empty at the run's first look, every stored row is one this index wrote, kept in
        # `_stored`: frequencies and posting lists are then answered from memory (a fresh database's ingest).
        self._complete: bool | None = None
        self._stored: dict[str, list[int]] = {}
        self._n_stored = 0

    def clear(self) -> None:
        self._df.clear()
        self._post.clear()
        self._total = None
        self._complete = None
        self._stored.clear()
        self._n_stored = 0

    def _is_complete(self, conn: Connection) -> bool:
        if self._complete is None:
            t = table_of(ClaimKey)
            self._complete = conn.execute(sa.select(t.c.claim_id).limit(1)).first() is None
        return self._complete

    def total(self, conn: Connection) -> int:
        if self._total is None:
            self._total = conn.execute(sa.select(sa.func.count()).select_from(table_of(Claim))).scalar_one()
        return self._total

    def df(self, conn: Connection, keys: Iterable[str]) -> dict[str, int]:
        """Document frequency of each key (cached; missing ones fetched in one query)."""
        keys = list(keys)
        missing = [k for k in keys if k not in self._df]
        if missing and self._is_complete(conn):
            for k in missing:
                self._df[k] = len(self._stored.get(k, ()))
        elif missing:
            t = table_of(ClaimKey)
            for i in range(0, len(missing), 500):
                part = missing[i:i + 500]
                found: dict[str, int] = dict(conn.execute(sa.select(t.c.key, sa.func.count()).where(t.c.key.in_(part))
                                          .group_by(t.c.key)).all())
                for k in part:
                    self._df[k] = int(found.get(k, 0))
        return {k: self._df[k] for k in keys}

    def rarity(self, conn: Connection, keys: Iterable[str]) -> dict[str, float]:
        """Inverse document frequency scaled to 0-1 (a key held by one claim in many weighs about 1)."""
        n = self.total(conn) + 2
        if n < MIN_STATISTICS:  # too few claims to tell rare from common
            return dict.fromkeys(keys, 1.0)
        return {k: max(0.05, math.log(n / (d + 1)) / math.log(n)) for k, d in self.df(conn, keys).items()}

    def rare_keys(self, conn: Connection, keys: Sequence[str]) -> list[str]:
        """The rarest keys of a claim that some other claim holds (at most BLOCK_KEYS, none too common)."""
        df = self.df(conn, keys)
        return sorted((k for k in keys if 0 < df[k] <= MAX_DF), key=lambda k: (df[k], k))[:BLOCK_KEYS]

    def candidates(self, conn: Connection, keys: Sequence[str], limit: int = CANDIDATES) -> list[tuple[int, int]]:
        """(claim id, shared keys) of the claims sharing the most of this claim's rarest keys."""
        return self.candidates_many(conn, [keys], limit)[0]

    def candidates_many(self, conn: Connection, key_lists: Sequence[Sequence[str]], limit: int = CANDIDATES,
                        min_shared: Sequence[int] | None = None) -> list[list[tuple[int, int]]]:
        """`candidates` for several claims with one posting-list query. `min_shared`: per claim, the fewest
        shared keys a candidate needs (those with fewer would be dropped from the `limit` best anyway)."""
        rare = [self.rare_keys(conn, ks) for ks in key_lists]
        self._fetch(conn, sorted({k for r in rare for k in r if k not in self._post}))
        postings = self._post
        out = []
        for i, r in enumerate(rare):
            counts = Counter(chain.from_iterable(postings.get(k, ()) for k in r))
            least = min_shared[i] if min_shared else 1
            items = counts.items() if least <= 1 else [kv for kv in counts.items() if kv[1] >= least]
            # most shared keys first, then the newest claim (ids are unique, so no ties)
            out.append(heapq.nlargest(limit, items, key=itemgetter(1, 0)))
        return out

    def neutral_candidates(self, conn: Connection, keys: Sequence[str], keep: Callable[[int], bool],
                           limit: int = CROSS_CANDIDATES) -> list[tuple[int, int]]:
        """(claim id, shared keys) of the claims `keep` accepts (another language) sharing the most of this
        claim's language-neutral keys (numbers, entities, concepts, claimant skeleton)."""
        neutral = [k for k in keys if k[:2] in NEUTRAL]
        df = self.df(conn, neutral)
        rare = [k for k in neutral if 0 < df[k] <= MAX_DF]
        self._fetch(conn, [k for k in rare if k not in self._post])
        counts = Counter(cid for k in rare for cid in self._post.get(k, ()) if keep(cid))
        return heapq.nlargest(limit, counts.items(), key=itemgetter(1, 0))

    def _fetch(self, conn: Connection, wanted: Sequence[str]) -> None:
        """Read the posting lists of these keys into the cache (from memory when claim_key was empty at the
        run's start)."""
        t = table_of(ClaimKey)
        for k in wanted:
            self._post[k] = list(self._stored.get(k, ()))
        if wanted and not self._is_complete(conn):
            for i in range(0, len(wanted), 500):
                for key, cid in conn.execute(sa.select(t.c.key, t.c.claim_id).where(t.c.key.in_(wanted[i:i + 500]))):
                    self._post[key].append(cid)

    def add(self, conn: Connection, rows: Sequence[tuple[int, Sequence[str]]]) -> None:
        """Store the keys of new claims and count them in the cache."""
        df = self.df(conn, [k for _cid, keys in rows for k in keys])
        # keys already too common to block on are counted, not stored (their rarity is low either way)
        values = [(k, cid) for cid, keys in rows for k in keys if df[k] <= MAX_DF]
        if values:
            complete = self._is_complete(conn)
            _insert_keys(conn, values)
            if complete:
                self._remember(values)
        for cid, keys in rows:
            for k in keys:
                if k in self._df:
                    self._df[k] += 1
                posting = self._post.get(k)
                if posting is not None:
                    if len(posting) >= MAX_DF:  # too common now to block on: stop caching it
                        del self._post[k]
                    else:
                        posting.append(cid)
        if self._total is not None:
            self._total += len(rows)

    def _remember(self, values: list[tuple[str, int]]) -> None:
        """Keep the rows just stored (while complete); past STORED_CAP, fall back to queries."""
        self._n_stored += len(values)
        if self._n_stored > STORED_CAP:
            self._complete = False
            self._stored.clear()
            return
        for k, cid in values:
            self._stored.setdefault(k, []).append(cid)


def _insert_keys(conn: Connection, values: list[tuple[str, int]]) -> None:
    """Insert (key, claim id) rows; on SQLite straight through the driver's executemany (the hot path of
    tracking: tens of rows per claim, where per-row statement parameter processing dominated)."""
    if conn.dialect.name == "sqlite":
        executemany(conn, 'INSERT INTO claim_key ("key", claim_id) VALUES (?, ?)', values)
    else:
        conn.execute(sa.insert(table_of(ClaimKey)), [{"key": k, "claim_id": cid} for k, cid in values])
