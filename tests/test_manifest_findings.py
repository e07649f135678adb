"""The acceptance case of the manifest: four faults, four findings, exact lines, no traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import MANIFEST, check_json, run_e4

FAULTY = MANIFEST.replace("session: 2027", "session: deux mille vingt-sept").replace(
    "centre: Lycée Félix Le Dantec",
    "centre: Lycée Félix Le Dantec\ntelephone: 0601020304\ncentre: Lycée Chaptal\n"
    "date_limite: 02/04/2027",
)


def test_unknown_key_duplicate_wrong_type_and_french_date(
    make_dossier: Callable[..., Path],
) -> None:
    report = check_json(make_dossier({"dossier.yaml": FAULTY}))
    found = [
        (f["code"], f["line"], f["column"])
        for f in report["findings"]
        if f["path"] == "dossier.yaml"
    ]
    assert found == [
        ("S001", 1, 10),  # session: a text, not a year
        ("S002", 8, 1),  # telephone: unknown key
        ("D006", 9, 1),  # centre: a second time
        ("S003", 10, 14),  # date_limite: 02/04/2027 accepted with a warning
    ]
    by_code = {f["code"]: f for f in report["findings"]}
    assert by_code["S003"]["severity"] == "warning"
    assert by_code["S003"]["hint"].endswith("2027-04-02")
    assert "ligne 7" in by_code["D006"]["message"]


def test_the_first_of_two_duplicate_values_is_the_one_kept(
    make_dossier: Callable[..., Path],
) -> None:
    from e4cli.dossier.load import load_dossier

    loaded = load_dossier(make_dossier({"dossier.yaml": FAULTY}))
    assert loaded.dossier is not None
    assert loaded.dossier.centre == "Lycée Félix Le Dantec"


def test_same_case_through_the_real_command_has_no_traceback(
    make_dossier: Callable[..., Path],
) -> None:
    proc = run_e4("check", str(make_dossier({"dossier.yaml": FAULTY})))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "dossier.yaml:9:1" in proc.stdout


def test_an_unquoted_candidate_number_gets_a_quoting_hint(
    make_dossier: Callable[..., Path],
) -> None:
    manifest = MANIFEST.replace('numero: "02248211114"', "numero: 01234567")
    report = check_json(make_dossier({"dossier.yaml": manifest}))
    (finding,) = report["findings"][:1]
    assert (finding["code"], finding["line"], finding["column"]) == ("S001", 5, 11)
    assert '"01234567"' in finding["hint"]


def test_a_manifest_that_is_a_list_is_a_finding(make_dossier: Callable[..., Path]) -> None:
    report = check_json(make_dossier({"dossier.yaml": "- session\n- 2027\n"}))
    assert ("S001", "dossier.yaml", 1) in [
        (f["code"], f["path"], f["line"]) for f in report["findings"]
    ]


def test_an_empty_manifest_reports_missing_fields(make_dossier: Callable[..., Path]) -> None:
    report = check_json(make_dossier({"dossier.yaml": "# vide\n"}))
    assert report["ok"] is False
    assert any(f["code"] == "S001" for f in report["findings"])


def test_crlf_and_bom_are_fine(make_dossier: Callable[..., Path]) -> None:
    data = b"\xef\xbb\xbf" + MANIFEST.replace("\n", "\r\n").encode("utf-8")
    report = check_json(make_dossier({"dossier.yaml": data}))
    assert [f for f in report["findings"] if f["severity"] != "info"] == []
