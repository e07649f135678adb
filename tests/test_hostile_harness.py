"""Every command and every output format over a class full of hostile dossiers.

The contract, for each run: an exit code of 0, 1 or 2 (2 with a one-line French
message), no traceback, no hang, an output that parses (JSON, XML, SARIF, xlsx), valid
UTF-8 everywhere, the dossiers' files unchanged, and every clean dossier of the class
reported whatever the others hold.

The catalogue below builds each hostile dossier from the complete SISR example, so
each case is one mistake or one attack in an otherwise valid dossier.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import xml.dom.minidom
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from helpers_files import snapshot

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "examples" / "sisr-complet"
EVALUATION = ROOT / "examples" / "evaluations" / "sisr-complet.yaml"
HANG_SECONDS = 60  # a hang, not a slow machine: speed lives in benchmarks/
REAL = "realisations/01-glpi-inventaire.yaml"

Mutation = Callable[[Path], None]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _set_title(value: str) -> Mutation:
    def mutate(d: Path) -> None:
        path = d / REAL
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        lines = [f"intitule: {value}\n" if ln.startswith("intitule:") else ln for ln in lines]
        path.write_text("".join(lines), encoding="utf-8")

    return mutate


def _manifest(old: str, new: str) -> Mutation:
    return lambda d: _replace(d / "dossier.yaml", old, new)


def _rename_bytes(old: str, new: bytes) -> Mutation:
    def mutate(d: Path) -> None:
        os.rename(os.fsencode(d / old), os.fsencode(d) + b"/" + new)  # noqa: PTH104

    return mutate


def _unknown_keys(count: int) -> Mutation:
    def mutate(d: Path) -> None:
        with (d / REAL).open("a", encoding="utf-8") as handle:
            handle.writelines(f"inconnu{i}: x\n" for i in range(count))

    return mutate


def _alias_bomb(d: Path) -> None:
    """The billion laughs: nine levels of nine aliases each."""
    names = "abcdefghi"
    lines = [f"{names[0]}: &{names[0]} [" + ", ".join(['"lol"'] * 9) + "]"]
    for previous, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    (d / REAL).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _fifo_manifest(d: Path) -> None:
    (d / "dossier.yaml").unlink()
    os.mkfifo(d / "dossier.yaml")


def _latin1(d: Path) -> None:
    path = d / REAL
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252", "replace"))


def _symlink_out(d: Path) -> None:
    target = d / "attestations" / "stage1-mairie-lannion.pdf"
    target.unlink()
    target.symlink_to("/etc/passwd")


CASES: dict[str, Mutation] = {
    "session-hex": _manifest("session: 2027", "session: 0x" + "f" * 4000),
    "fin-9999": _manifest("fin: 2027-02-19", "fin: 9999-12-31"),
    "debut-0001": _manifest("debut: 2026-05-25", "debut: 0001-01-01"),
    "nom-markup": _manifest("nom: Le Goff", 'nom: "Le [/] Goff [link=https://x.example]v[/link]"'),
    "titre-ansi": _set_title('"Projet \\e[2J\\e]8;;https://evil.example\\e\\\\clic\\e]8;;\\e\\\\"'),
    "titre-controle": _set_title('"GLPI \\x01\\x02 fin"'),
    "competence-fffe": lambda d: _replace(
        d / REAL, "competences:\n", 'competences:\n  - "B9 \\uFFFE"\n'
    ),
    "nom-non-utf8": _rename_bytes(REAL, b"realisations/01-r\xe9seau.yaml"),
    "titre-binary": _set_title("!!binary aGVsbG8="),
    "cles-inconnues": _unknown_keys(5_000),
    "bombe-alias": _alias_bomb,
    "manifeste-tube": _fifo_manifest,
    "tableau-sortant": _manifest("# Pas de clé", "tableau: ../../../../etc/passwd\n# Pas de clé"),
    "tableau-long": _manifest("# Pas de clé", "tableau: " + "t" * 300 + ".xlsx\n# Pas de clé"),
    "prenom-markdown": _manifest(
        "prenom: Erwan", 'prenom: "![pixel](https://evil.example/p.png) [clic](https://x.fr)"'
    ),
    "numero-octal": _manifest('numero: "02271834506"', "numero: 02271634506"),
    "latin1": _latin1,
    "attestation-lien-sortant": _symlink_out,
}
CLEAN = ("propre-a", "propre-b")


@pytest.fixture(scope="module")
def classe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-class") / "classe"
    root.mkdir()
    for name in CLEAN:
        shutil.copytree(BASE, root / name)
    for name, mutate in CASES.items():
        shutil.copytree(BASE, root / name)
        mutate(root / name)
    injected = root / "eleve\n::error file=x::INJECTION\n::add-mask::x"
    shutil.copytree(BASE, injected)
    return root


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run(
        [sys.executable, "-m", "e4cli", *map(str, args)],
        capture_output=True,
        cwd=cwd,
        timeout=HANG_SECONDS,
    )
    stderr = result.stderr.decode("utf-8")  # valid UTF-8, or this raises
    result.stdout.decode("utf-8")
    assert "Traceback" not in stderr, stderr
    assert result.returncode in (0, 1, 2), stderr
    if result.returncode == 2:
        assert stderr.startswith("e4 :"), stderr
    assert "erreur interne" not in stderr, stderr
    return result


@pytest.fixture(scope="module")
def untouched(classe: Path) -> dict[str, object]:
    return {str(p): snapshot(p) for p in classe.iterdir()}


def _parse(fmt: str, data: bytes) -> object:
    text = data.decode("utf-8")
    if fmt in ("json", "sarif", "gitlab"):
        return json.loads(text)
    if fmt == "junit":
        return xml.dom.minidom.parseString(data)
    return text


FORMATS = ("text", "json", "github", "gitlab", "junit", "sarif", "markdown")


@pytest.mark.parametrize("fmt", FORMATS)
def test_check_over_a_hostile_class_reports_every_dossier_in_every_format(
    classe: Path, untouched: dict[str, object], fmt: str, tmp_path: Path
) -> None:
    result = run("check", "-r", classe, "--format", fmt)
    assert result.returncode == 1
    parsed = _parse(fmt, result.stdout)
    text = result.stdout.decode("utf-8")
    if fmt not in ("gitlab", "sarif"):  # those two list findings only, not dossiers
        for name in (*CLEAN, *CASES):
            assert name in text, (fmt, name)
    if fmt == "json":
        assert isinstance(parsed, list)
        assert len(parsed) == len(CASES) + len(CLEAN) + 1
        clean = [r for r in parsed if Path(r["dossier"]).name in CLEAN]
        assert [r["ok"] for r in clean] == [True, True]
    if fmt == "github":
        for line in text.splitlines():  # no workflow command smuggled in by a name
            assert line.startswith(("::error ", "::warning ", "::notice ", "e4 : ")), line
    if fmt == "sarif":
        assert isinstance(parsed, dict) and parsed["runs"]
    if fmt not in ("json", "junit"):
        return  # -o with parallel workers: once for a JSON and once for an XML format
    # the same report through -o, written whole, with parallel workers
    out = tmp_path / f"rapport.{fmt}"
    written = run("check", "-r", classe, "--format", fmt, "-j", "2", "-o", out)
    assert written.returncode == 1
    _parse(fmt, out.read_bytes())
    assert not list(tmp_path.glob(".*.tmp"))
    assert {str(p): snapshot(p) for p in classe.iterdir()} == untouched


def test_the_markdown_report_shows_user_text_as_text(classe: Path) -> None:
    text = run("check", "-r", classe, "--format", "markdown").stdout.decode("utf-8")
    assert "![pixel](" not in text
    assert re.search(r"(?<!\\)\]\(https://x\.fr\)", text) is None  # no live link


def test_the_text_report_sends_no_control_character_to_the_terminal(classe: Path) -> None:
    data = run("check", "-r", classe, "--format", "text", "--verbose").stdout
    assert b"\x1b" not in data
    assert b"\x01" not in data


@pytest.mark.parametrize("fmt", ["json", "md", "csv", "html", "xlsx"])
def test_table_of_each_hostile_dossier(classe: Path, tmp_path: Path, fmt: str) -> None:
    for dossier in sorted(classe.iterdir()):
        out = tmp_path / f"{dossier.name[:40].replace(chr(10), '_')}.{fmt}"
        result = run("table", dossier, "--format", fmt, "-o", out)
        if result.returncode != 0:
            continue  # no dossier to read (a pipe for dossier.yaml): said on stderr
        data = out.read_bytes()
        if fmt == "xlsx":
            load_workbook(io.BytesIO(data))
        elif fmt == "json":
            json.loads(data.decode("utf-8"))
        else:
            data.decode("utf-8")


@pytest.mark.parametrize("fmt", ["html", "xlsx"])
def test_grids_for_a_hostile_class_one_per_dossier(classe: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "grilles"
    dossiers = sorted(classe.iterdir())
    result = run("grille", *dossiers, "--format", fmt, "-d", out)
    assert result.returncode in (0, 1)
    made = sorted(out.iterdir())
    for name in CLEAN:
        assert any(p.name.startswith(name) for p in made), (name, made)
    assert len(made) >= len(dossiers) - 1  # all but the one whose dossier.yaml is a pipe
    for path in made:
        if fmt == "xlsx":
            load_workbook(path)
        else:
            path.read_bytes().decode("utf-8")


def test_the_class_report_links_only_inside_the_dossiers(classe: Path, tmp_path: Path) -> None:
    out = tmp_path / "classe.html"
    result = run("report", classe, "-o", out)
    assert result.returncode == 0
    page = out.read_text(encoding="utf-8")
    assert "etc/passwd" not in page
    for name in CLEAN:
        assert name in page
    csv = tmp_path / "classe.csv"
    assert run("report", classe, "-o", csv).returncode == 0
    csv.read_bytes().decode("utf-8")


def test_note_for_a_hostile_class_gives_every_clean_candidate_a_sheet(
    classe: Path, tmp_path: Path
) -> None:
    evaluations = tmp_path / "evaluations"
    evaluations.mkdir()
    for dossier in classe.iterdir():
        shutil.copy(EVALUATION, evaluations / f"{dossier.name}.yaml")
    out = tmp_path / "fiches"
    result = run("note", *sorted(classe.iterdir()), "-e", evaluations, "-d", out)
    assert result.returncode in (0, 1)
    for name in CLEAN:
        assert (out / f"{name}.html").is_file(), sorted(out.iterdir())


def test_output_onto_a_file_of_the_dossier_is_refused(classe: Path) -> None:
    dossier = classe / CLEAN[0]
    before = snapshot(dossier)
    result = run("check", dossier, "-f", "json", "-o", dossier / "dossier.yaml")
    assert result.returncode == 2
    assert snapshot(dossier) == before


def test_output_through_a_symlink_writes_its_target(tmp_path: Path, classe: Path) -> None:
    target = tmp_path / "vrai.json"
    target.write_text("ancien", encoding="utf-8")
    link = tmp_path / "lien.json"
    link.symlink_to(target)
    result = run("check", classe / CLEAN[0], "-f", "json", "-o", link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    json.loads(target.read_text(encoding="utf-8"))


def test_output_to_a_stream_is_written_directly(classe: Path) -> None:
    result = run("check", classe / CLEAN[0], "-f", "json", "-o", "/dev/stdout")
    assert result.returncode == 0
    json.loads(result.stdout.decode("utf-8"))
    assert Path("/dev/stdout").exists()


def test_init_never_writes_through_a_link_out_of_the_dossier(tmp_path: Path) -> None:
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    dossier = tmp_path / "nouveau"
    dossier.mkdir()
    (dossier / "portfolio").symlink_to(outside)
    result = run("init", dossier)
    assert result.returncode == 0
    assert list(outside.iterdir()) == []
    assert "portfolio/index.md" in result.stdout.decode("utf-8")


@pytest.mark.parametrize(
    "settings",
    [b"[" * 100_000 + b"]" * 100_000, b'{"a": ' + b"9" * 5000 + b"}", None],
    ids=["imbrication", "nombre-geant", "tube"],
)
def test_schema_vscode_with_a_hostile_settings_file(tmp_path: Path, settings: bytes | None) -> None:
    (tmp_path / ".vscode").mkdir()
    path = tmp_path / ".vscode" / "settings.json"
    if settings is None:
        os.mkfifo(path)
    else:
        path.write_bytes(settings)
    result = run("schema", "--vscode", cwd=tmp_path)
    assert result.returncode == 2
    if settings is not None:
        assert path.read_bytes() == settings
