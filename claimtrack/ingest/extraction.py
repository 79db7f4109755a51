"""Extraction beside the database writes: on a run of more than one batch, when the machine is not busy, a
second process extracts the next batch of documents (and analyses their passages and claim texts for the search
indexes) while the main process stores the current one.

Extraction is a pure function of a document's text, language, date and title, so where it runs changes
nothing in the results. Small runs (one batch) and custom extractors stay in-process; if the worker
cannot be started or dies, extraction falls back to the main process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from typing import Any

Job = tuple[str, str, date | None, str | None]  # text, language, published, title


@dataclass(slots=True)
class Prepared:
    """What the database writes of a document need that depends on its text alone: its claims, its passages
    with their analysed terms, the analysed terms of each claim's text (its search text without the
    claimant's names) and the matcher's features of each claim's text."""

    claims: list[Any]
    passages: list[tuple[int, int, str]]
    claim_terms: list[str]
    claim_features: list[Any]  # the matcher's TextFeatures of each claim's text


def prepare_batch(jobs: Sequence[Job], extractor: Callable[..., list[Any]] | None = None) -> list[Prepared]:
    """`extract_batch`, plus each document's passages and each claim's analysed text and matcher features."""
    from claimtrack import passages
    from claimtrack.search import search_text
    from claimtrack.tracking.features import features

    return [Prepared(claims, passages.analysed_spans(text), [search_text(c.text or c.quote) for c in claims],
                     [features(c.text or c.quote) for c in claims])
            for (text, *_rest), claims in zip(jobs, extract_batch(jobs, extractor), strict=True)]


def extract_batch(jobs: Sequence[Job], extractor: Callable[..., list[Any]] | None = None) -> list[list[Any]]:
    """The claims of each job (none for a language without an extractor); the default extractor when None
    (the worker's entry point: it imports only the extractors)."""
    if extractor is None:
        from claimtrack.extract import extract

        extractor = extract
    return [extractor(text, language=lang, published=pub, title=title) if lang in ("ar", "en") else []
            for text, lang, pub, title in jobs]


def _exit_with_parent(parent: int) -> None:
    """Worker initializer: leave as soon as the ingesting process is gone (killed, say), never orphaned."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="claimtrack-parent-watch", daemon=True).start()


def core_free() -> bool:
    """The machine has room for a worker: the 1-minute load average is below the cores plus one half.

    Measured on a shared 2-core machine (the SaudiNewsNet day): the worker wins at load 1.4 (215 against
    167 articles/s) and 2.1 (213 against 168), roughly ties at 2.4 and loses at 3.6 (89 against 123), where
    a second process only competes with the first."""
    try:
        return os.getloadavg()[0] < (os.cpu_count() or 1) + 0.5
    except OSError:
        return False


def _warm_up() -> None:
    prepare_batch([("قال المتحدث إن الاجتماع عقد أمس.", "ar", None, None)])


class BatchExtractor:
    """Extracts batches of jobs in order: in a worker process from the second batch on (when `parallel`),
    else in-process with `extractor`. `start` hands a batch over; `result` returns its claims."""

    def __init__(self, extractor: Callable[..., list[Any]] | None, parallel: bool) -> None:
        self.extractor = extractor
        self.parallel = parallel and extractor is None
        self._pool: ProcessPoolExecutor | None = None
        self._batches = 0

    @property
    def depth(self) -> int:
        """How many started batches may wait for their results (1 while a worker runs ahead)."""
        return 1 if self._pool is not None else 0

    def start(self, jobs: list[Job]) -> Future[list[Prepared]] | None:
        """Begin extracting `jobs` in the worker (None: they will be extracted in-process by `result`)."""
        self._batches += 1
        if not self.parallel or not jobs:
            return None
        try:
            if self._pool is None:  # the first batch: start the worker, extract this one here meanwhile
                if not core_free():
                    self.parallel = False
                    return None
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=_exit_with_parent, initargs=(os.getpid(),))
                self._pool.submit(_warm_up)
                return None
            return self._pool.submit(prepare_batch, jobs)
        except (OSError, RuntimeError, BrokenProcessPool):
            self._stop()
            return None

    def result(self, jobs: list[Job], future: Future[list[Prepared]] | None) -> list[Prepared]:
        if future is not None:
            try:
                return future.result()
            except (OSError, BrokenProcessPool):  # the worker died: extract here
                self._stop()
        return prepare_batch(jobs, self.extractor)

    def _stop(self) -> None:
        self.parallel = False
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
