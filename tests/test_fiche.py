"""Épreuve E6: the e6: block, F001–F004, coverage_e6, and `e4 fiche` in html, pdf and docx."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest

from conftest import EXAMPLES, ROOT, check_json, codes_at, run_e4
from table_support import chromium

FIXTURE = ROOT / "tests" / "fixtures" / "fiche-e6" / "annexe-7-1-B-session-2024.txt"

E6_ONE = """\
e6:
  numero: 1
  competences: [B2.1, B2.2.3]
  conditions: Demande du lycée ; maquette Proxmox fournie.
  ressources: Debian 12, Zabbix 7.0.
  acces: "Dépôt : https://gitlab.com/lea-martin/zabbix ; démo : jury / demo"
  descriptif: productions/e6/zabbix.md
"""

VERSO_TWO = "  descriptif: |\n    ## Supervision\n\n    Texte du **verso** de la réalisation 2.\n"

E6_TWO = """\
e6:
  numero: 2
  competences: [supervision]
  lieu: Armor Info, Lannion
  conditions: Demande du client.
  ressources: pfSense 2.7.
  acces: Sur la maquette apportée, http://192.168.10.20/
  descriptif: |
    ## Supervision

    Texte du **verso** de la réalisation 2.
"""

PNG = (ROOT / "examples/sisr-complet/productions/e6/schema-supervision.png").read_bytes()


def e6_files(**changes: str | bytes | None) -> dict[str, str | bytes | None]:
    from conftest import REAL_FORMATION, REAL_STAGE

    files: dict[str, str | bytes | None] = {
        "realisations/01-glpi.yaml": REAL_FORMATION + E6_ONE,
        "realisations/02-zabbix.yaml": REAL_STAGE + E6_TWO,
        "productions/e6/zabbix.md": "# Zabbix\n\nLe verso n°1.\n\n![Schéma](schema.png)\n",
        "productions/e6/schema.png": PNG,
    }
    files.update(changes)
    return files


def serious(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The findings that are not informations (C002 lists the items the base dossier skips),
    nor about what the test attestations say (A006–A008: their text is not this test's)."""
    return [
        f
        for f in report["findings"]
        if f["severity"] != "info" and f["code"] not in ("A006", "A007", "A008")
    ]


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


# --- checks -------------------------------------------------------------------------------


def test_a_dossier_with_two_complete_e6_realisations_is_clean(make_dossier: Callable) -> None:
    report = check_json(make_dossier(e6_files()))
    assert serious(report) == []
    cov = report["coverage_e6"]
    assert list(cov) == ["B2.1", "B2.2", "B2.3"]
    assert all(c["covered"] for c in cov.values())
    assert cov["B2.2"]["items"]["B2.2.3"] == ["01-glpi"]
    assert cov["B2.3"]["realisations"] == ["02-zabbix"]


def test_without_e6_no_f_code_and_coverage_e6_is_null(make_dossier: Callable) -> None:
    report = check_json(make_dossier())
    assert report["coverage_e6"] is None
    assert not [f for f in report["findings"] if f["code"].startswith("F")]


def test_f001_one_realisation_only(make_dossier: Callable) -> None:
    from conftest import REAL_STAGE

    report = check_json(make_dossier(e6_files(**{"realisations/02-zabbix.yaml": REAL_STAGE})))
    line = line_of(e6_files()["realisations/01-glpi.yaml"], "e6:")  # type: ignore[arg-type]
    assert ("F001", "realisations/01-glpi.yaml", line) in codes_at(report)


def test_f001_three_realisations_and_a_numero_twice(make_dossier: Callable) -> None:
    from conftest import REAL_STAGE

    third = REAL_STAGE.replace("Supervision avec Zabbix", "Troisième") + E6_TWO
    report = check_json(make_dossier(e6_files(**{"realisations/03-autre.yaml": third})))
    found = [c for c in codes_at(report) if c[0] == "F001"]
    assert ("F001", "realisations/03-autre.yaml", line_of(third, "e6:")) in found
    assert ("F001", "realisations/03-autre.yaml", line_of(third, "numero:")) in found
    assert len(found) == 2


def test_f002_a_competency_of_bloc_2_mobilised_by_neither(make_dossier: Callable) -> None:
    from conftest import REAL_STAGE

    two = REAL_STAGE + E6_TWO.replace("[supervision]", "[B2.1]")
    report = check_json(make_dossier(e6_files(**{"realisations/02-zabbix.yaml": two})))
    f002 = [f for f in report["findings"] if f["code"] == "F002"]
    assert [f["line"] for f in f002] == [line_of(E6_ONE, "e6:") + 6]
    assert "B2.3" in f002[0]["message"] and "E6" in f002[0]["message"]
    assert f002[0]["path"] == "realisations/01-glpi.yaml"
    assert report["coverage_e6"]["B2.3"]["covered"] is False


def test_f003_missing_empty_fields_bad_address_and_missing_file(make_dossier: Callable) -> None:
    from conftest import REAL_FORMATION, REAL_STAGE

    one = REAL_FORMATION + E6_ONE.replace("  ressources: Debian 12, Zabbix 7.0.\n", "").replace(
        "Demande du lycée ; maquette Proxmox fournie.", '""'
    ).replace("https://gitlab.com", "https//gitlab.com")
    two = REAL_STAGE + E6_TWO.replace("http://192.168.10.20/", "http://exa_mple/")
    files = e6_files(
        **{
            "realisations/01-glpi.yaml": one,
            "realisations/02-zabbix.yaml": two.replace(
                VERSO_TWO,
                "  descriptif: productions/e6/absent.md\n",
            ),
        }
    )
    report = check_json(make_dossier(files))
    f003 = sorted((p, line) for c, p, line in codes_at(report) if c == "F003")
    e6_line = line_of(one, "e6:")
    assert f003 == sorted(
        [
            ("realisations/01-glpi.yaml", e6_line),  # ressources missing: at the block
            ("realisations/01-glpi.yaml", line_of(one, "conditions:")),  # empty
            ("realisations/01-glpi.yaml", line_of(one, "acces:")),  # https//
            ("realisations/02-zabbix.yaml", line_of(two, "acces:")),  # exa_mple
            ("realisations/02-zabbix.yaml", line_of(two, "descriptif:")),  # absent.md
        ]
    )
    messages = " ".join(f["message"] for f in report["findings"])
    assert "https//gitlab.com" in messages and "absent.md" in messages
    assert "ressources" in messages


def test_f003_a_private_lab_address_is_accepted(make_dossier: Callable) -> None:
    report = check_json(make_dossier(e6_files()))
    assert "192.168.10.20" in e6_files()["realisations/02-zabbix.yaml"]  # type: ignore[operator]
    assert not [f for f in report["findings"] if f["code"] == "F003"]


def test_f004_other_option_bloc_1_and_unknown_with_a_suggestion(make_dossier: Callable) -> None:
    from conftest import REAL_FORMATION

    one = REAL_FORMATION + E6_ONE.replace(
        "[B2.1, B2.2.3]", "[B2.1, B2.2.3, Gérer les données, B1.3, B2.1.7, supervisoin]"
    )
    report = check_json(make_dossier(e6_files(**{"realisations/01-glpi.yaml": one})))
    f004 = [f for f in report["findings"] if f["code"] == "F004"]
    assert [f["line"] for f in f004] == [line_of(one, "competences: [B2.1, B2.2.3, G")] * 4
    assert [f["column"] for f in f004] == sorted(f["column"] for f in f004)
    text = [f["message"] + " " + (f["hint"] or "") for f in f004]
    assert "option SLAM" in text[0] and "B2.3" in text[0]
    assert "bloc 1" in text[1]
    assert "option SLAM" in text[2]  # B2.1.7 exists in SLAM only (SISR's B2.1 has six items)
    assert "« supervision »" in text[3]


def test_f_codes_are_explained() -> None:
    for code in ("F001", "F002", "F003", "F004"):
        result = run_e4("explain", code)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"{code} · erreur · ")
        assert "Pourquoi" in result.stdout


def test_text_report_shows_the_bloc_2_matrix(make_dossier: Callable) -> None:
    result = run_e4("check", str(make_dossier(e6_files())))
    assert result.returncode == 0, result.stdout
    assert "Épreuve E6 : couverture du bloc 2 (SISR)" in result.stdout


def test_json_report_validates_against_its_schema(make_dossier: Callable) -> None:
    from jsonschema import Draft202012Validator

    schema = json.loads((ROOT / "schemas/report.schema.json").read_text(encoding="utf-8"))
    for path in (make_dossier(e6_files()), make_dossier(name="sans-e6")):
        Draft202012Validator(schema).validate(check_json(path))


# --- e4 fiche: the official text, in order ---------------------------------------------------

SLAM = (
    "Concevoir et développer une solution applicative",
    "Assurer la maintenance corrective ou évolutive d’une solution applicative",
    "Gérer les données",
)
SISR = (
    "Concevoir une solution d’infrastructure réseau",
    "Installer, tester et déployer une solution d’infrastructure réseau",
    "Exploiter, dépanner et superviser une solution d’infrastructure réseau",
)
BLOC = {
    "SLAM": "Conception et développement d’applications",
    "SISR": "Administration des systèmes et des réseaux",
}


def official_phrases(option: str, session: int) -> list[str]:
    """The fiche's printed phrases, in order, as the circulaire of `session` prints them."""
    epreuve, annex = ("E5", "7-1") if session <= 2024 else ("E6", "9-1")
    if session >= 2026:
        annex = "VII-1"
    letter = "A" if option == "SISR" else "B"
    text = FIXTURE.read_text(encoding="utf-8")
    text = text.replace("SESSION 2024", f"SESSION {session}")
    text = text.replace(
        "Épreuve E5 - Conception et développement d’applications (option SLAM)",
        f"Épreuve {epreuve} - {BLOC[option]} (option {option})",
    )
    text = text.replace("ANNEXE 7-1-B", f"ANNEXE {annex}-{letter}")
    text = text.replace("« Conception et développement d'applications »", f"« {BLOC[option]} »")
    for slam, other in zip(SLAM, SISR if option == "SISR" else SLAM, strict=True):
        text = text.replace(slam, other)
    phrases: list[str] = []
    for line in text.splitlines():
        for part in re.split(r"\s{2,}|\.{4,}|\s/\s", line):
            if part.strip(" ./"):
                phrases.append(part.strip())
    return phrases


def squeeze(text: str) -> str:
    """No spaces (the extraction's line breaks and justification), no boxes, one apostrophe."""
    text = text.replace("'", "’").replace("☐", "").replace("☒", "")
    return re.sub(r"\s+", "", text)


def assert_in_order(phrases: list[str], text: str) -> None:
    haystack = squeeze(text)
    at = 0
    for phrase in phrases:
        found = haystack.find(squeeze(phrase), at)
        assert found >= 0, f"« {phrase} » absent ou hors d'ordre, après : {haystack[at : at + 80]}"
        at = found + len(squeeze(phrase))


def make_e6_dossier(root: Path, option: str, session: int) -> Path:
    from conftest import valid_files, write_tree

    files: dict[str, str | bytes | None] = dict(valid_files())
    files.update(e6_files())
    manifest = str(files["dossier.yaml"]).replace("session: 2027", f"session: {session}")
    manifest = manifest.replace("option: SISR", f"option: {option}")
    for year in (2026, 2027):
        manifest = manifest.replace(f"{year}-", f"{year - 2027 + session}-")
    files["dossier.yaml"] = manifest
    for name in ("realisations/01-glpi.yaml", "realisations/02-zabbix.yaml"):
        text = str(files[name])
        for year in (2026, 2027):
            text = text.replace(f"{year}-", f"{year - 2027 + session}-")
        if option == "SLAM":
            text = text.replace("[supervision]", "[Gérer les données]")
        files[name] = text
    return write_tree(root, files)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize(
    ("option", "session"), [("SISR", 2024), ("SLAM", 2024), ("SISR", 2027), ("SLAM", 2027)]
)
def test_the_pdf_prints_the_official_fiche_in_order(
    tmp_path: Path, option: str, session: int
) -> None:
    browser = chromium()
    assert browser is not None
    dossier = make_e6_dossier(tmp_path / "d", option, session)
    assert serious(check_json(dossier)) == []
    out = tmp_path / "fiches.pdf"
    result = run_e4("fiche", str(dossier), "-o", str(out), env=_env(browser))
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    phrases = official_phrases(option, session)
    # Two fiches, each its recto then its verso: the official text twice, in order.
    assert_in_order(phrases + phrases, text)
    assert text.count("DESCRIPTION D’UNE RÉALISATION PROFESSIONNELLE") == 2
    other = SLAM if option == "SISR" else SISR
    assert not any(label in text for label in other if label != "Gérer les données")
    # The candidate's own words land in their rubrics, in order.
    assert_in_order(
        [
            "N° réalisation : 1",
            "MARTIN Léa",
            "02248211114",
            "Lycée Félix Le Dantec",
            "Inventaire du parc avec GLPI",
            "Demande du lycée",
            "Debian 12, Zabbix 7.0.",
            "https://gitlab.com/lea-martin/zabbix",
            "Le verso n°1.",
            "N° réalisation : 2",
            "Armor Info",
            "Supervision avec Zabbix",
            "Texte du verso de la réalisation 2.",
        ],
        text,
    )
    pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+4\b", pages), pages


def _env(browser: str) -> dict[str, str]:
    import os

    return {**os.environ, "E4_CHROMIUM": browser}


def test_the_docx_opens_with_python_docx_and_holds_the_same_text(tmp_path: Path) -> None:
    dossier = make_e6_dossier(tmp_path / "d", "SLAM", 2025)
    out = tmp_path / "fiches.docx"
    result = run_e4("fiche", str(dossier), "-o", str(out))
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(out))
    texts: list[str] = []

    def cell_texts(table: docx.table.Table) -> None:
        for row in table.rows:
            for tc in row._tr.tc_lst:  # a merged cell is one <w:tc>, listed once
                cell = docx.table._Cell(tc, table)
                texts.extend(p.text for p in cell.paragraphs)
                for inner in cell.tables:
                    cell_texts(inner)

    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            texts.append(docx.text.paragraph.Paragraph(child, document).text)
        elif tag == "tbl":
            cell_texts(docx.table.Table(child, document))
    text = "\n".join(texts)
    phrases = official_phrases("SLAM", 2025)
    assert_in_order(phrases + phrases, text)
    assert "ANNEXE 9-1-B" in text and "Épreuve E6 - Conception" in text
    assert "☒ Gérer les données" in text and "☐ Assurer la maintenance" in text
    assert len(document.inline_shapes) == 1  # the schematic of the verso n°1
    assert "Le verso n°1." in text and "Texte du verso de la réalisation 2." in text


def test_the_html_page_is_self_contained_with_its_image(tmp_path: Path) -> None:
    dossier = make_e6_dossier(tmp_path / "d", "SISR", 2026)
    result = run_e4("fiche", str(dossier))
    assert result.returncode == 0, result.stderr
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>")
    assert "img-src data:" in page and 'src="data:image/png;base64,' in page
    assert "ANNEXE VII-1-A : Fiche descriptive de réalisation professionnelle (recto)" in page
    assert "<script" not in page


def test_markdown_is_escaped_and_images_outside_are_never_read(tmp_path: Path) -> None:
    dossier = make_e6_dossier(tmp_path / "d", "SISR", 2027)
    (tmp_path / "secret.png").write_bytes(PNG)
    (dossier / "productions/e6/zabbix.md").write_text(
        "<script>alert(1)</script>\n\n![x](../../../secret.png) ![y](https://ex.org/a.png)"
        " [lien](javascript:alert(1))\n",
        encoding="utf-8",
    )
    result = run_e4("fiche", str(dossier))
    assert result.returncode == 0, result.stderr
    assert "<script" not in result.stdout and "&lt;script&gt;alert(1)" in result.stdout
    assert 'href="javascript' not in result.stdout
    assert result.stdout.count("data:image/png") == 0
    assert "hors du dossier" in result.stderr and "en ligne" in result.stderr


# --- a class ---------------------------------------------------------------------------------


def test_a_class_gives_one_file_per_candidate_and_a_broken_one_stops_nothing(
    tmp_path: Path,
) -> None:
    classe = tmp_path / "classe"
    make_e6_dossier(classe / "alice", "SISR", 2027)
    make_e6_dossier(classe / "bob", "SLAM", 2026)
    broken = make_e6_dossier(classe / "chloe", "SISR", 2027)
    (broken / "realisations/01-glpi.yaml").write_text("intitule: [oups\n", encoding="utf-8")
    (broken / "realisations/02-zabbix.yaml").unlink()
    (classe / "david").mkdir()  # not a dossier at all
    out = tmp_path / "fiches"
    dossiers = sorted(str(p) for p in classe.iterdir())
    result = run_e4("fiche", *dossiers, "--output-dir", str(out), "-f", "docx")
    assert result.returncode == 1, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["alice.docx", "bob.docx"]
    for name in ("alice", "bob"):
        assert "DESCRIPTION D’UNE RÉALISATION PROFESSIONNELLE" in "\n".join(
            c.text for t in docx.Document(str(out / f"{name}.docx")).tables for c in t._cells
        )
    assert "pas de fiche pour" in result.stderr and "chloe" in result.stderr
    assert "david" in result.stderr


def test_several_dossiers_need_an_output_dir(tmp_path: Path) -> None:
    a = make_e6_dossier(tmp_path / "a", "SISR", 2027)
    b = make_e6_dossier(tmp_path / "b", "SISR", 2027)
    result = run_e4("fiche", str(a), str(b))
    assert result.returncode == 2
    assert "--output-dir" in result.stderr


def test_findings_are_said_and_the_fiche_is_still_printed(tmp_path: Path) -> None:
    dossier = make_e6_dossier(tmp_path / "d", "SISR", 2027)
    (dossier / "realisations/02-zabbix.yaml").write_text(
        (dossier / "realisations/02-zabbix.yaml")
        .read_text(encoding="utf-8")
        .replace("[supervision]", "[B2.1]"),
        encoding="utf-8",
    )
    result = run_e4("fiche", str(dossier))
    assert result.returncode == 0
    assert "F002" in result.stderr and "B2.3" in result.stderr
    assert "DESCRIPTION D’UNE RÉALISATION PROFESSIONNELLE" in result.stdout


@pytest.mark.parametrize("name", ["sisr-complet", "slam-complet"])
@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
def test_the_complete_examples_render_two_fiches(tmp_path: Path, name: str, fmt: str) -> None:
    browser = chromium()
    assert browser is not None
    out = tmp_path / f"fiches.{fmt}"
    result = run_e4("fiche", str(EXAMPLES / name), "-o", str(out), env=_env(browser))
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("\n") == 1  # the one line that says where: no note, no finding
    if fmt == "pdf":
        text = pdf_text(out)
    elif fmt == "docx":
        text = "\n".join(c.text for t in docx.Document(str(out)).tables for c in t._cells)
    else:
        text = out.read_text(encoding="utf-8")
    assert text.count("DESCRIPTION D’UNE RÉALISATION PROFESSIONNELLE") == 2
    assert "N° réalisation" in text


# --- e4 init --e6 ----------------------------------------------------------------------------


@pytest.mark.parametrize("option", ["SISR", "SLAM"])
def test_init_e6_adds_the_two_blocks_with_placeholders_s004_lists(
    tmp_path: Path, option: str
) -> None:
    target = tmp_path / "neuf"
    result = run_e4("init", str(target), "--option", option, "--session", "2026", "--e6")
    assert result.returncode == 0, result.stderr
    report = check_json(target)
    assert report["coverage_e6"] is not None
    assert all(c["covered"] for c in report["coverage_e6"].values())  # no F002
    s004 = {
        (f["path"], f["message"].split("»")[0]) for f in report["findings"] if f["code"] == "S004"
    }
    for path in ("realisations/01-exemple-formation.yaml", "realisations/02-exemple-stage.yaml"):
        for key in ("conditions", "ressources", "acces", "descriptif"):
            assert (path, f"« e6.{key} ") in s004
    assert not [f for f in report["findings"] if f["code"].startswith("F")]
    fiche = run_e4("fiche", str(target))
    assert fiche.returncode == 0, fiche.stderr
    assert "ANNEXE VII-1-" in fiche.stdout


def test_init_without_e6_writes_no_e6_block(tmp_path: Path) -> None:
    target = tmp_path / "neuf"
    assert run_e4("init", str(target), "--option", "SISR").returncode == 0
    assert "e6:" not in (target / "realisations/01-exemple-formation.yaml").read_text("utf-8")
