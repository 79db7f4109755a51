"""Workflow states, verdicts, transitions, roles and the four-eyes rule. Pure rules, no database."""

from __future__ import annotations

from claimtrack.models import ClaimState, Role, Verdict

S = ClaimState

TRANSITIONS: dict[ClaimState, frozenset[ClaimState]] = {
    S.new: frozenset({S.triaged, S.investigating, S.dismissed}),
    S.triaged: frozenset({S.investigating, S.dismissed}),
    S.investigating: frozenset({S.in_review, S.dismissed}),
    S.in_review: frozenset({S.published, S.investigating}),
    S.published: frozenset({S.reopened}),
    S.dismissed: frozenset({S.triaged, S.reopened}),
    S.reopened: frozenset({S.investigating, S.in_review, S.dismissed}),
}

# ClaimReview rating for each verdict: (ratingValue 1-5 or None, label)
RATINGS: dict[Verdict, tuple[int | None, str]] = {
    Verdict.true: (5, "True"),
    Verdict.mostly_true: (4, "Mostly true"),
    Verdict.mixed: (3, "Mixed"),
    Verdict.misleading: (2, "Misleading"),
    Verdict.mostly_false: (2, "Mostly false"),
    Verdict.false: (1, "False"),
    Verdict.unverifiable: (None, "Unverifiable"),
    Verdict.unrated: (None, "Unrated"),
}

EDIT_ROLES = frozenset({Role.analyst, Role.reviewer, Role.admin})
PUBLISH_ROLES = frozenset({Role.reviewer, Role.admin})
VERDICTS_WITHOUT_EVIDENCE = frozenset({Verdict.unrated, Verdict.unverifiable})


class WorkflowError(Exception):
    """A change the workflow rules refuse; the message tells the analyst why and what to do."""


class RoleError(WorkflowError):
    """Refused because of the analyst's role; `needed` is the role that would allow it."""

    def __init__(self, message: str, needed: Role) -> None:
        super().__init__(message)
        self.needed = needed


def check_can_edit(role: Role) -> None:
    if role not in EDIT_ROLES:
        raise RoleError(f"a {role.value} cannot change claims", Role.analyst)


def check_transition(
    current: ClaimState,
    target: ClaimState,
    *,
    role: Role,
    analyst_id: int | None,
    investigator_id: int | None,
    verdict: Verdict,
    rationale: str | None,
    evidence_count: int,
    comment: str | None = None,
) -> None:
    """Raise WorkflowError unless moving from `current` to `target` is allowed for this analyst."""
    check_can_edit(role)
    if target == current:
        raise WorkflowError(f"the claim is already {current.value}")
    allowed = TRANSITIONS[current]
    if target not in allowed:
        options = ", ".join(sorted(s.value for s in allowed))
        raise WorkflowError(f"cannot go from {current.value} to {target.value}; from {current.value} you can go to: {options}")
    if target == S.in_review:
        if verdict == Verdict.unrated:
            raise WorkflowError("set a verdict before sending the claim to review")
        if not (rationale or "").strip():
            raise WorkflowError("write a rationale for the verdict before sending the claim to review")
        check_verdict_evidence(verdict, evidence_count)
    if target == S.published:
        if role not in PUBLISH_ROLES:
            raise RoleError("only a reviewer or an admin can publish", Role.reviewer)
        if investigator_id is not None and analyst_id == investigator_id:
            raise WorkflowError(
                "four-eyes rule: you cannot publish your own verdict; another reviewer or admin must publish it"
            )
    if current == S.in_review and target == S.investigating and not (comment or "").strip():
        raise WorkflowError("rejecting a review needs a comment saying what to fix")


def check_verdict_evidence(verdict: Verdict, evidence_count: int) -> None:
    if verdict not in VERDICTS_WITHOUT_EVIDENCE and evidence_count == 0:
        raise WorkflowError(f"a verdict of {verdict.value} needs at least one piece of evidence; add evidence first")
