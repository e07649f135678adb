"""The one outcome: its verdict is decided once, with the strictness, and travels with it."""

from __future__ import annotations

import pickle

from conftest import EXAMPLES
from e4cli.check.outcome import DossierOutcome, Verdict
from e4cli.check.pipeline import check_dossier
from e4cli.rules.findings import Finding, Severity


def _with(*severities: Severity) -> DossierOutcome:
    findings = tuple(Finding(f"X00{i}", s, "constat") for i, s in enumerate(severities))
    return DossierOutcome(display="d", path="d", findings=findings)


def test_an_error_fails_a_warning_only_with_strict_an_information_never() -> None:
    assert _with(Severity.ERROR).verdict is Verdict.NON_CONFORME
    warning = _with(Severity.WARNING, Severity.INFO)
    assert warning.verdict is Verdict.CONFORME and warning.ok
    strict = warning.judged(strict=True)
    assert strict.verdict is Verdict.NON_CONFORME and not strict.ok
    assert [strict.fails(f) for f in strict.findings] == [True, False]
    assert strict.judged(strict=False) == warning
    assert _with(Severity.INFO).judged(strict=True).ok


def test_a_failure_of_e4_is_its_own_verdict() -> None:
    failed = DossierOutcome.failure("d", "d", "RuntimeError: panne")
    assert failed.verdict is Verdict.INTERNAL_ERROR and not failed.ok
    assert failed.summary().verdict == "erreur interne"


def test_the_verdict_travels_with_the_outcome_not_the_model() -> None:
    checked = check_dossier(EXAMPLES / "casse-manifeste")
    outcome = checked.outcome
    assert outcome.verdict is Verdict.NON_CONFORME and checked.failed()
    back = pickle.loads(pickle.dumps(outcome))
    assert back == outcome and back.verdict is Verdict.NON_CONFORME
    assert outcome.summary().verdict is outcome.verdict
