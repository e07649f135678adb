"""`e4 init`: a valid dossier to start from, whose findings say what the candidate must write."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from conftest import run_cli, run_e4, tiny_pdf
from e4cli.check.pipeline import check_dossier
from e4cli.dossier import scaffold
from e4cli.dossier.referential import build_referential
from e4cli.dossier.scaffold import default_session
from e4cli.dossier.yamlsource import parse_yaml
from e4cli.util.resources import referentials_dir

SCHEMA_CODES = {"S001", "S002", "S003", "D003", "D004", "D006", "D007"}


def init(tmp_path: Path, *args: str, name: str = "x") -> tuple[Path, str]:
    target = tmp_path / name
    result = run_cli("init", str(target), *args)
    assert result.exit_code == 0, result.output
    return target, result.output


def test_init_creates_the_layout_of_a_dossier(tmp_path: Path) -> None:
    target, output = init(tmp_path, "--option", "SLAM", "--session", "2027")
    files = sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file())
    assert files == [
        ".e4/schemas/dossier.schema.json",
        ".e4/schemas/realisation.schema.json",
        ".gitignore",
        "attestations/.gitkeep",
        "dossier.yaml",
        "portfolio/index.md",
        "productions/.gitkeep",
        "realisations/01-exemple-formation.yaml",
        "realisations/02-exemple-stage.yaml",
    ]
    for name in files:
        assert f"+ {name}" in output
    data = parse_yaml((target / "dossier.yaml").read_text(encoding="utf-8"), "d").data
    assert data["session"] == 2027 and data["candidat"]["option"] == "SLAM"
    assert "e4 check" in output


def test_every_yaml_file_names_its_schema_on_its_first_line(tmp_path: Path) -> None:
    target, _ = init(tmp_path, "--option", "SISR")
    for path in [target / "dossier.yaml", *(target / "realisations").glob("*.yaml")]:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, path
        assert (path.parent / match.group(1)).resolve().is_file()  # relative to the file


def test_the_new_dossier_passes_the_schemas_and_lists_only_what_to_write(tmp_path: Path) -> None:
    target, _ = init(tmp_path, "--option", "SISR")
    result = check_dossier(target)
    codes = {f.code for f in result.findings}
    assert not codes & SCHEMA_CODES
    failing = {f.code for f in result.findings if f.severity != "info"}
    # Values to write, attestations to add, competencies still without a réalisation, and
    # the form of the épreuve, which only the candidate's convocation says (S007).
    assert failing == {"S004", "A002", "C001", "S007"}
    s004 = [f for f in result.findings if f.code == "S004"]
    assert {f.location.path for f in s004} == {
        "dossier.yaml",
        "portfolio/index.md",
        "realisations/01-exemple-formation.yaml",
        "realisations/02-exemple-stage.yaml",
    }
    assert all(f.location.line for f in s004)
    fields = {f.message.split("»")[0] for f in s004 if f.location.path == "dossier.yaml"}
    assert fields == {
        "« candidat.nom ",
        "« candidat.prenom ",
        "« centre ",
        "« stages[1].organisation ",
        "« stages[2].organisation ",
    }


def test_once_the_candidate_has_written_it_only_coverage_remains(tmp_path: Path) -> None:
    target, _ = init(tmp_path, "--option", "SISR")
    for path in [*target.rglob("*.yaml"), target / "portfolio" / "index.md"]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("À COMPLÉTER : ", "Écrit : "), encoding="utf-8")
    manifest = target / "dossier.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("# forme: ccf", "forme: ccf"),
        encoding="utf-8",
    )
    (target / "attestations" / "stage1.pdf").write_bytes(tiny_pdf())
    (target / "attestations" / "stage2.pdf").write_bytes(tiny_pdf())
    result = check_dossier(target)
    assert {f.code for f in result.findings if f.severity != "info"} == {"C001"}
    uncovered = [re.search(r"B1\.\d", f.message) for f in result.findings if f.code == "C001"]
    assert sorted(m.group(0) for m in uncovered if m) == ["B1.3", "B1.6"]


def test_without_option_the_one_finding_more_says_to_choose_it(tmp_path: Path) -> None:
    target, output = init(tmp_path)
    assert "Option non choisie" in output
    findings = check_dossier(target).findings
    (s001,) = [f for f in findings if f.code in SCHEMA_CODES]
    assert s001.code == "S001" and "option" in s001.message and "SISR ou SLAM" in (s001.hint or "")


def test_an_option_in_lower_case_is_accepted_and_an_unknown_one_refused(tmp_path: Path) -> None:
    target, _ = init(tmp_path, "--option", "slam")
    assert "option: SLAM" in (target / "dossier.yaml").read_text(encoding="utf-8")
    result = run_e4("init", str(tmp_path / "y"), "--option", "SIO")
    assert result.returncode == 2 and "SISR ou SLAM" in result.stderr
    assert not (tmp_path / "y").exists()


def test_init_never_overwrites_a_file(tmp_path: Path) -> None:
    target = tmp_path / "x"
    (target / "realisations").mkdir(parents=True)
    (target / "dossier.yaml").write_text("session: 2027 # le mien\n", encoding="utf-8")
    (target / "realisations" / "01-glpi.yaml").write_text("intitule: GLPI\n", encoding="utf-8")
    _, output = init(tmp_path, "--option", "SISR")
    assert (target / "dossier.yaml").read_text(encoding="utf-8") == "session: 2027 # le mien\n"
    assert "= dossier.yaml (existe déjà" in output
    assert sorted(p.name for p in (target / "realisations").iterdir()) == ["01-glpi.yaml"]
    assert "pas d'exemple ajouté" in output
    assert (target / "portfolio" / "index.md").is_file()  # what was missing is added


def test_on_an_existing_dossier_the_added_files_follow_its_session_and_option(
    tmp_path: Path,
) -> None:
    # The student's dossier.yaml says 2025 and SLAM; the page and examples init adds must
    # not speak of another session, and an --option that contradicts it is said to be unused.
    target = tmp_path / "x"
    target.mkdir()
    (target / "dossier.yaml").write_text(
        "session: 2025\ncandidat:\n  option: slam\n", encoding="utf-8"
    )
    _, output = init(tmp_path, "--option", "SISR", "--session", "2027")
    index = (target / "portfolio" / "index.md").read_text(encoding="utf-8")
    assert "BTS SIO option SLAM, session 2025." in index
    stage = parse_yaml(
        (target / "realisations" / "02-exemple-stage.yaml").read_text(encoding="utf-8"), "r"
    ).data
    assert stage["periode"]["debut"].startswith("2025-01")
    assert "(session 2025, option SLAM)" in output
    assert "--option SISR et --session 2027 non utilisées : dossier.yaml existe" in output


def test_a_second_init_creates_nothing(tmp_path: Path) -> None:
    target, _ = init(tmp_path, "--option", "SISR")
    before = {p: p.read_bytes() for p in target.rglob("*") if p.is_file()}
    _, output = init(tmp_path, "--option", "SLAM")
    assert "rien à créer" in output
    assert {p: p.read_bytes() for p in target.rglob("*") if p.is_file()} == before


def test_a_file_in_the_way_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "x").write_text("", encoding="utf-8")
    result = run_e4("init", str(tmp_path / "x"))
    assert result.returncode == 2 and "n'est pas un dossier" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("session", "epreuve"), [("2024", "E4"), ("2026", "E5")])
def test_the_epreuve_follows_the_session(tmp_path: Path, session: str, epreuve: str) -> None:
    target, _ = init(tmp_path, "--option", "SISR", "--session", session)
    assert f"l'épreuve {epreuve} du BTS SIO" in (target / "dossier.yaml").read_text(
        encoding="utf-8"
    )


def test_the_epreuve_comes_from_the_referential_not_from_the_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A reform is a new referential file: init must name the épreuve it gives.
    data = yaml.safe_load((referentials_dir() / "bts-sio-2019.yaml").read_text(encoding="utf-8"))
    data["sessions"][-1]["epreuve"] = "E9"
    reformed = build_referential(data)
    monkeypatch.setattr(scaffold, "load_referential", lambda: reformed)
    target, _ = init(tmp_path, "--option", "SLAM", "--session", "2027")
    assert "l'épreuve E9 du BTS SIO" in (target / "dossier.yaml").read_text(encoding="utf-8")
    assert "(épreuve E9 du BTS SIO)" in (target / "portfolio" / "index.md").read_text(
        encoding="utf-8"
    )


def test_the_default_session_is_the_next_one() -> None:
    assert default_session(dt.date(2025, 3, 1)) == 2025
    assert default_session(dt.date(2025, 9, 1)) == 2026


def test_the_option_comment_lines_up_with_the_others(tmp_path: Path) -> None:
    target, _ = init(tmp_path, "--option", "SISR")
    lines = (target / "dossier.yaml").read_text(encoding="utf-8").splitlines()
    option = next(line for line in lines if line.startswith("  option:"))
    statut = next(line for line in lines if line.startswith("  statut:"))
    assert option.index("#") == statut.index("#")
