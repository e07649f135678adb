"""Markdown, CSV and JSON tables: what GitHub/GitLab, Excel/LibreOffice and scripts read."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from markdown_it import MarkdownIt

from e4cli.table import csv_render, json_, md
from e4cli.table.model import TableModel
from e4cli.table.source import load_table
from e4cli.util.resources import load_schema
from table_support import (
    HOSTILE_FORMULAS,
    build_dossier,
    hostile_realisations,
    realisation,
    standard_realisations,
)


def model_of(root: Path) -> TableModel:
    model = load_table(root).model
    assert model is not None
    return model


# -- Markdown ---------------------------------------------------------------


def test_markdown_is_one_pipe_table_with_sections_as_rows(tmp_path: Path) -> None:
    text = md.render(model_of(build_dossier(tmp_path / "d", standard_realisations(6))))
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    assert [t.type for t in tokens].count("table_open") == 1
    header = [t for t in tokens if t.type == "th_open"]
    assert len(header) == 8
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) == 1 + 3 + 6  # header, three section rows, six réalisations
    assert cells_per_row(text) == {8}
    assert "**Réalisation en cours de formation**" in text
    assert "<br>▸ Gérer des sauvegardes" in text
    assert "**NOM et prénom :** MARTIN Léa" in text
    assert "☒ SISR ☐ SLAM" in text


def test_markdown_escapes_html_pipes_and_emphasis(tmp_path: Path) -> None:
    reals = hostile_realisations()
    reals["09-pipes"] = realisation("A | B *gras* _it_ [lien](http://x) `code`")
    text = md.render(model_of(build_dossier(tmp_path / "d", reals)))
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<script>" not in text and "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<img" not in html and "javascript:" not in html
    assert "A \\| B \\*gras\\* \\_it\\_ \\[lien\\](http://x) \\`code\\`" in text
    assert "<em>" not in html and "<code>" not in html
    assert cells_per_row(text) == {8}  # a stray pipe would have added cells


def cells_per_row(text: str) -> set[int]:
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    starts = [i for i, t in enumerate(tokens) if t.type == "tr_open"]
    ends = [i for i, t in enumerate(tokens) if t.type == "tr_close"]
    return {
        sum(1 for t in tokens[a:b] if t.type in ("td_open", "th_open"))
        for a, b in zip(starts, ends, strict=True)
    }


# -- CSV --------------------------------------------------------------------


def parse_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_csv_is_for_french_excel(tmp_path: Path) -> None:
    data = csv_render.render(model_of(build_dossier(tmp_path / "d", standard_realisations(3))))
    assert data.startswith(b"\xef\xbb\xbf")
    body = data[3:]
    assert body.count(b"\r\n") == body.count(b"\n") - body.count(b"\n\xe2")  # only cell breaks
    records = body.split(b"\r\n")
    assert records[-1] == b""
    grid = parse_csv(data)
    assert {len(line) for line in grid} == {8}
    assert grid[0][0] == "BTS SERVICES INFORMATIQUES AUX ORGANISATIONS"
    assert "N° candidat : 02248211114" in [line[0] for line in grid]
    header = next(line for line in grid if line[0].startswith("Réalisations professionnelles"))
    assert header[2].startswith("B1.1 Gérer le patrimoine informatique\n▸ Recenser")
    assert b'"B1.1 G' in data  # cells with line breaks are quoted


def test_csv_rows_sit_under_their_section_with_ticks(tmp_path: Path) -> None:
    reals = {
        "01": realisation(
            "Formation GLPI",
            competences=["B1.1", "B1.2.1"],
            productions=[{"titre": "Procédure", "fichier": "p/a.pdf"}],
        ),
        "02": realisation("Stage 2 Zabbix", cadre="stage", stage="stage2", competences=["B1.6"]),
    }
    grid = parse_csv(csv_render.render(model_of(build_dossier(tmp_path / "d", reals))))
    firsts = [line[0] for line in grid]
    sec1 = firsts.index("Réalisation en cours de formation")
    sec3 = firsts.index("Réalisations en milieu professionnel en cours de seconde année")
    assert grid[sec1 + 1][:4] == ["Formation GLPI\n– Procédure", "07/10/24 au 22/11/24", "x", "x"]
    assert grid[sec1 + 1][4:] == ["", "", "", ""]
    assert grid[sec3 + 1][0] == "Stage 2 Zabbix" and grid[sec3 + 1][2:] == [""] * 5 + ["x"]


def test_csv_formula_injection_is_neutralised(tmp_path: Path) -> None:
    grid = parse_csv(
        csv_render.render(model_of(build_dossier(tmp_path / "d", hostile_realisations())))
    )
    cells = [cell for line in grid for cell in line]
    for formula in HOSTILE_FORMULAS:
        assert any(cell.startswith("'" + formula) for cell in cells)
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


# -- JSON -------------------------------------------------------------------


def test_json_matches_its_schema_and_holds_sections_rows_and_ticks(tmp_path: Path) -> None:
    reals = standard_realisations(6)
    reals["99-sans-cadre"] = {"intitule": "Sans cadre", "competences": ["B1.1"]}
    data: dict[str, Any] = json.loads(json_.render(model_of(build_dossier(tmp_path / "d", reals))))
    Draft202012Validator(load_schema("table.schema.json")).validate(data)
    assert data["title"]["epreuve"] == "E5" and data["title"]["annex"] == "Annexe VI-1"
    assert [s["key"] for s in data["sections"]] == ["formation", "stage-annee-1", "stage-annee-2"]
    assert [len(s["rows"]) for s in data["sections"]] == [2, 2, 2]
    first = data["sections"][0]["rows"][0]
    assert first["ticks"] == ["B1.1", "B1.3"]
    assert first["periode"] == {
        "debut": "2024-10-07",
        "fin": "2024-11-22",
        "text": "07/10/24 au 22/11/24",
    }
    assert first["productions"][2]["url"] == "https://example.org/depot"
    assert [r["intitule"] for r in data["unplaced"]] == ["Sans cadre"]
    assert any("cadre absent" in note for note in data["missing"])
    assert data["identity"]["numero"] == "02248211114"


def test_table_schema_documents_every_property_in_french() -> None:
    schema = load_schema("table.schema.json")
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "https://e4cli.github.io/schemas/1/table.schema.json"

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                assert sub.get("title") and sub.get("description"), f"{where}/{name}"
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")

    walk(schema, "")
