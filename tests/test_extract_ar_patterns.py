"""Every named Arabic rule (arabic_patterns) does something on its own example sentence.

The examples are written for the rules, not copied from evaluation articles. A rule whose example gives the
same claims with the rule switched off has no observable effect and must be rewritten or deleted.
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack.extract import arabic as _arabic  # noqa: F401  (registers the rules)
from claimtrack.extract import extract
from claimtrack.extract.arabic_patterns import RULES, switched_off

PUB = dt.date(2015, 8, 11)


def signature(text: str) -> list[tuple]:
    return [(c.quote, c.claimant.canonical, c.claimant_surface, c.kind, c.stated_on and c.stated_on.iso,
             c.event_date and c.event_date.iso) for c in extract(text, language="ar", published=PUB)]


def test_rules_are_registered_with_docs_and_examples():
    assert len(RULES) >= 30
    for r in RULES.values():
        assert r.doc and r.example and "\n" in r.example, r.name


@pytest.mark.parametrize("name", sorted(RULES))
def test_rule_changes_its_example(name):
    rule = RULES[name]
    on = signature(rule.example)
    with switched_off(name):
        off = signature(rule.example)
    assert on != off, (name, on)


def test_switched_off_restores_rules():
    name = next(iter(RULES))
    with switched_off(name):
        pass
    with pytest.raises(KeyError):
        with switched_off("no_such_rule"):
            pass
