"""Registry of the named Arabic extraction rules.

Every rule beyond the cue tables of `arabic_lexicon` is a small function registered here with `@rule`: its
docstring says what it does and why, and `example` is a sentence written for it (not taken from an
evaluation article) on which switching the rule off changes the output. `bench/ablate.py` switches each
rule off in turn and measures the effect; `tests/test_extract_ar_patterns.py` checks every example.
"""

from __future__ import annotations

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
    """Register the decorated function as a rule; while it is switched off it returns `off` unchanged.

    No wrapper runs per call (rules are called some 150,000 times on a corpus day): `switched_off` swaps the
    function's code for a stub that returns `off`, and puts the code back afterwards.
    """

    def deco(fn: F) -> F:
        name = fn.__name__.lstrip("_")
        if name in RULES:
            raise ValueError(f"rule {name} registered twice")
        if fn.__closure__:
            raise ValueError(f"rule {name} must not be a closure")
        RULES[name] = Rule(name, inspect.getdoc(fn) or "", example)
        _FUNCS[name] = (fn, fn.__code__, _stub_code(name))
        _OFF_VALUE[name] = off
        fn.__globals__.setdefault("__rule_off__", _OFF_VALUE)
        return fn

    return deco


def _stub_code(name: str) -> Any:
    """The code of `def _(*args, **kwargs): return __rule_off__[name]`, run in the rule's module globals."""
    scope: dict[str, Any] = {}
    exec(compile(f"def _stub(*args, **kwargs):\n    return __rule_off__[{name!r}]\n", "<rule off>", "exec"), scope)
    return scope["_stub"].__code__


_FUNCS: dict[str, tuple[Callable[..., Any], Any, Any]] = {}  # name -> (function, its code, the stub's code)
_OFF_VALUE: dict[str, Any] = {}


def enabled(fns: tuple[Callable[..., Any], ...]) -> tuple[Callable[..., Any], ...]:
    """The rules in `fns` that are switched on (cached until the switched-off set changes, see `_apply`)."""
    hit = _ENABLED.get(fns)
    if hit is None:
        hit = _ENABLED[fns] = tuple(f for f in fns if f.__name__.lstrip("_") not in _OFF)
    return hit


_ENABLED: dict[tuple[Callable[..., Any], ...], tuple[Callable[..., Any], ...]] = {}


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
    _apply()
    try:
        yield
    finally:
        _OFF.clear()
        _OFF.update(before)
        _apply()


def _apply() -> None:
    """Give every function rule the code that matches its state (its own, or the stub while off)."""
    _ENABLED.clear()
    for name, (fn, code, stub) in _FUNCS.items():
        fn.__code__ = stub if name in _OFF else code
