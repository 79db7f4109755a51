"""Statistics of the shared corpora, read in place at run time, for the synthetic-data generator.

Nothing here is stored: the generator learns, per language, word bigrams, sentence lengths, article
lengths, outlets and claimant names from ../shared/corpus (SaudiNewsNet for Arabic; PolNeAR and the
White House transcripts for English), then writes new sentences from them. No corpus text is copied
into the repository.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import pickle
import random
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
CACHE = Path(tempfile.gettempdir()) / "claimtrack-bench"
WORD = re.compile(r"\w+", re.UNICODE)
SENTENCE_END = re.compile(r"[.!?؟\n]+")
AR_CUES = re.compile(r"(?:^|\s)و?(?:قال|أكد|أضاف|أعلن|أوضح|نفى|نفت|قالت|أكدت|أعلنت|أشار|صرح)\s+(\w+(?:\s+\w+)?)")
EN_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "that", "which", "this", "officials", "some",
               "many", "others", "critics", "experts", "people", "him", "her", "them", "us", "me"}
AR_STOP = {"في", "من", "على", "إن", "أن", "إلى", "عن", "مع", "إنه", "أنه", "إنها", "أنها", "ان", "انه", "له", "لها",
           "ذلك", "هذا", "هذه", "التي", "الذي", "كما", "قد", "لقد", "إنّ"}


@dataclass
class Language:
    """What the generator needs to write one language."""

    code: str
    successors: dict[str, list[str]] = field(default_factory=dict)  # word -> following words, with repeats
    starts: list[str] = field(default_factory=list)  # sentence-initial words, with repeats
    sentence_lengths: list[int] = field(default_factory=list)  # words per sentence, as observed
    article_sentences: list[int] = field(default_factory=list)  # sentences per article, as observed
    outlets: Counter[str] = field(default_factory=Counter)  # outlet -> articles
    claimants: Counter[str] = field(default_factory=Counter)  # claimant surface -> attributions
    vocabulary: int = 0

    def learn(self, text: str) -> None:
        sentences = [s for s in SENTENCE_END.split(text) if s.strip()]
        kept = 0
        for sentence in sentences:
            words = WORD.findall(sentence)
            if len(words) < 3:
                continue
            kept += 1
            self.sentence_lengths.append(min(len(words), 60))
            self.starts.append(words[0])
            succ = self.successors
            for a, b in zip(words, words[1:], strict=False):
                lst = succ.get(a)
                if lst is None:
                    succ[a] = [b]
                else:
                    lst.append(b)
        if kept:
            self.article_sentences.append(kept)

    def sentence(self, rng: random.Random, length: int | None = None) -> str:
        """A new sentence: a walk over the word bigrams, of a length drawn from the corpus."""
        n = length or rng.choice(self.sentence_lengths)
        word = rng.choice(self.starts)
        out = [word]
        succ, choice = self.successors, rng.choice
        for _ in range(n - 1):
            nxt = succ.get(word)
            word = choice(nxt) if nxt else choice(self.starts)
            out.append(word)
        return " ".join(out)


def _saudinewsnet(lang: Language) -> None:
    for path in sorted((CORPUS / "saudinewsnet").glob("*.json")):
        for article in json.loads(path.read_text(encoding="utf-8")):
            text = article.get("content") or ""
            lang.learn(text)
            lang.outlets[article.get("source") or "unknown"] += 1
            for m in AR_CUES.finditer(text):
                name = m.group(1)
                if name.split()[0] not in AR_STOP and all(len(w) > 2 for w in name.split()):
                    lang.claimants[name] += 1


def _polnear(lang: Language) -> None:
    meta = CORPUS / "polnear" / "metadata.tsv"
    if meta.exists():
        with meta.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                lang.outlets[row.get("publisher") or "unknown"] += 1
    for split in ("train", "dev"):
        for path in sorted((CORPUS / "polnear" / split / "text").glob("*.txt")):
            lang.learn(path.read_text(encoding="utf-8"))
        for path in sorted((CORPUS / "polnear" / split / "attributions").glob("*.ann")):
            for line in path.read_text(encoding="utf-8").splitlines():
                parts = line.split("\t")
                if len(parts) == 3 and parts[1].startswith("Source "):
                    surface = " ".join(parts[2].split())
                    if surface.lower() not in EN_PRONOUNS and 1 <= len(surface.split()) <= 5 and surface[:1].isupper():
                        lang.claimants[surface] += 1


def _whitehouse(lang: Language) -> None:
    speaker = re.compile(r"^(?:MS|MR|DR|SECRETARY|ADMINISTRATOR)\.? ([A-Z][A-Z\-']+):", re.MULTILINE)
    for path in sorted((CORPUS / "whitehouse").glob("*.md")):
        text = path.read_text(encoding="utf-8").split("---", 2)[-1]
        lang.learn(text)
        lang.outlets["The White House"] += 1
        for m in speaker.finditer(text):
            lang.claimants[m.group(1).title()] += 1


def load(corpus: Path = CORPUS, cache: Path | None = CACHE) -> dict[str, Language]:
    """Arabic and English language models learnt from the corpora (raises if they are absent).

    The learnt statistics are kept in a pickle under the system temp folder (never in the repository),
    keyed by the corpus files' names, sizes and modification times: a changed corpus is learnt again."""
    if not corpus.is_dir():
        raise FileNotFoundError(f"{corpus} not found: the generator learns its vocabulary from the shared corpus")
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    key = hashlib.sha256(repr([(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files]).encode())
    path = cache / f"corpus-model-{key.hexdigest()[:16]}.pickle" if cache else None
    if path and path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)  # type: ignore[no-any-return]
    models = learn(corpus)
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(models, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    return models


def learn(corpus: Path) -> dict[str, Language]:
    ar, en = Language("ar"), Language("en")
    _saudinewsnet(ar)
    _polnear(en)
    _whitehouse(en)
    for lang in (ar, en):
        lang.vocabulary = len(lang.successors)
        if not lang.sentence_lengths:
            raise ValueError(f"no {lang.code} sentences found under {corpus}")
    return {"ar": ar, "en": en}
