"""Registry of the named Arabic extraction rules.

Every rule beyond the cue tables of `arabic_lexicon` is a small function registered here with `@rule`: its
docstring says what it does and why, and `example` is a sentence written for it (not taken from an
evaluation article) on which switching the rule off changes the output. `bench/ablate.py` switches each
rule off in turn and measures the effect; `tests/test_extract_ar_patterns.py` checks every example.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule: its name, documentation and example sentence (headline line first)."""

    name: str
    doc: str
    example: str


RULES: dict[str, Rule] = {}
_OFF: set[str] = set()


def rule(example: str, off: Any = None) -> Callable[[F], F]:
    """Register the decorated function as a rule; while it is switched off it returns `off` unchanged."""

    def deco(fn: F) -> F:
        name = fn.__name__.lstrip("_")
        if name in RULES:
            raise ValueError(f"rule {name} registered twice")
        RULES[name] = Rule(name, inspect.getdoc(fn) or "", example)

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if _OFF and name in _OFF:
                return off
            return fn(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return deco


def enabled(fns: tuple[Callable[..., Any], ...]) -> tuple[Callable[..., Any], ...]:
    """The undecorated functions of the rules in `fns` that are switched on (no wrapper per call)."""
    key = (fns, frozenset(_OFF))
    hit = _ENABLED.get(key)
    if hit is None:
        hit = _ENABLED[key] = tuple(getattr(f, "__wrapped__", f) for f in fns
                                    if f.__name__.lstrip("_") not in _OFF)
    return hit


_ENABLED: dict[tuple[tuple[Callable[..., Any], ...], frozenset[str]], tuple[Callable[..., Any], ...]] = {}


def is_on(name: str) -> bool:
    """True unless the rule is switched off (for rules that are a condition rather than a function)."""
    return not (_OFF and name in _OFF)


def register(name: str, doc: str, example: str) -> str:
    """Register a condition rule checked with `is_on(name)`; returns the name."""
    if name in RULES:
        raise ValueError(f"rule {name} registered twice")
    RULES[name] = Rule(name, doc, example)
    return name


@contextmanager
def switched_off(*names: str) -> Iterator[None]:
    """Switch rules off inside the block (ablation)."""
    unknown = set(names) - set(RULES)
    if unknown:
        raise KeyError(f"unknown rules: {sorted(unknown)}")
    before = set(_OFF)
    _OFF.update(names)
    try:
        yield
    finally:
        _OFF.clear()
        _OFF.update(before)
