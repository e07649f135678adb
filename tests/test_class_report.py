"""`e4 report CLASS_FOLDER`: the class as a self-contained HTML page or a CSV for Excel."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path

from class_support import make_class
from conftest import MANIFEST, run_cli, run_e4
from e4cli.report.classreport.csv_report import safe
from e4cli.table.csv_render import FORMULA_STARTS


class Page(HTMLParser):
    """Collects what a reader without script sees: rows, links, resources."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.links: list[str] = []
        self.resources: list[str] = []
        self.scripts: list[str] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "a":
            self.links.append(values.get("href") or "")
        elif tag == "script":
            self._in_script = True
            if values.get("src"):
                self.resources.append(values["src"] or "")
        elif tag in ("link", "img", "iframe") or (tag == "style" and values.get("src")):
            self.resources.append(values.get("href") or values.get("src") or tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None
        elif tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)
        elif self._cell is not None:
            self._cell.append(data)


def page(html: str) -> Page:
    parser = Page()
    parser.feed(html)
    return parser


def test_the_html_page_lists_every_dossier_readable_without_script(tmp_path: Path) -> None:
    students = make_class(tmp_path / "classe", 10)
    output = tmp_path / "classe" / "rapport.html"
    result = run_cli("report", str(tmp_path / "classe"), "--output", str(output))
    assert result.exit_code == 0, result.stderr
    html = output.read_text(encoding="utf-8")
    parsed = page(html)
    assert parsed.resources == []  # self-contained: no stylesheet, script or image to fetch
    dossier_rows = [r for r in parsed.rows if r and r[0].endswith(tuple(s.name for s in students))]
    assert [Path(r[0]).name for r in dossier_rows] == [s.name for s in students]
    for row, student in zip(dossier_rows, students, strict=True):
        assert ("✔ conforme" if student.ok else "✘ non conforme") in row
    eleve09 = next(r for r in dossier_rows if r[0].endswith("eleve09"))
    assert "B1.3" in eleve09
    coverage = next(r for r in parsed.rows if r[0] == "B1.3")
    assert "9/10" in coverage and any("eleve09" in c for c in coverage)
    assert "<button" in html and "aria-sort" in html  # sorting, as an extra


def test_links_go_to_the_declared_table_else_to_the_dossier_folder(tmp_path: Path) -> None:
    make_class(tmp_path / "classe", 2)
    eleve = tmp_path / "classe" / "eleve01"
    manifest = eleve / "dossier.yaml"
    manifest.write_text(MANIFEST + "tableau: tableau de synthèse.html\n", encoding="utf-8")
    (eleve / "tableau de synthèse.html").write_text("<html></html>", encoding="utf-8")
    output = tmp_path / "rapport.html"
    assert run_cli("report", str(tmp_path / "classe"), "-o", str(output)).exit_code == 0
    links = page(output.read_text(encoding="utf-8")).links
    assert links == ["classe/eleve01/tableau%20de%20synth%C3%A8se.html", "classe/eleve02/"]


def test_values_from_a_dossier_are_escaped(tmp_path: Path) -> None:
    make_class(tmp_path / "classe", 1)
    manifest = tmp_path / "classe" / "eleve01" / "dossier.yaml"
    manifest.write_text(
        MANIFEST.replace("prenom: Léa", 'prenom: "<script>alert(1)</script>"'), encoding="utf-8"
    )
    result = run_e4("report", str(tmp_path / "classe"))
    assert result.returncode == 0
    assert "<script>alert(1)" not in result.stdout
    assert "&lt;script&gt;alert(1)" in result.stdout


def test_the_csv_opens_in_french_excel(tmp_path: Path) -> None:
    students = make_class(tmp_path / "classe", 10)
    output = tmp_path / "classe.csv"
    assert run_cli("report", str(tmp_path / "classe"), "-o", str(output)).exit_code == 0
    data = output.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 11 and b"\n" not in data.replace(b"\r\n", b"")
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:9] == [
        "Dossier",
        "Candidat",
        "Option",
        "Verdict",
        "Erreurs",
        "Avertissements",
        "Informations",
        "Pénalités (points)",
        "Compétences non couvertes",
    ]
    assert header[9:] == ["B1.1", "B1.2", "B1.3", "B1.4", "B1.5", "B1.6"]
    assert [Path(r[0]).name for r in body] == [s.name for s in students]
    eleve09 = body[8]
    assert eleve09[3] == "non conforme" and eleve09[8] == "B1.3" and eleve09[11] == "non"


def test_csv_cells_cannot_run_as_formulas(tmp_path: Path) -> None:
    make_class(tmp_path / "classe", 1)
    manifest = tmp_path / "classe" / "eleve01" / "dossier.yaml"
    manifest.write_text(
        MANIFEST.replace("nom: Martin", 'nom: "=HYPERLINK(\\"http://x\\")"'), encoding="utf-8"
    )
    result = run_e4("report", str(tmp_path / "classe"), "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff")), delimiter=";"))
    assert rows[1][1].startswith("'=HYPERLINK(")
    assert [safe(v) for v in ("=1", "+1", "-1", "@a", "\tx", "ok")] == [
        "'=1",
        "'+1",
        "'-1",
        "'@a",
        "'\tx",
        "ok",
    ]


def test_the_class_csv_guards_every_formula_start_the_table_csv_guards() -> None:
    # Full-width ＝ ＋ － ＠ start formulas in some locales' spreadsheets too.
    for start in FORMULA_STARTS:
        assert safe(f"{start}1+1") == f"'{start}1+1"


def test_a_missing_class_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("report", str(tmp_path / "absent"))
    assert result.exit_code == 2 and "n'existe pas" in result.stderr
    (tmp_path / "vide").mkdir()
    result = run_cli("report", str(tmp_path / "vide"))
    assert result.exit_code == 2 and "aucun dossier" in result.stderr
