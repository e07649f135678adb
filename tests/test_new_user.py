"""What a new student and a new teacher ran into (issue 14), each run as a person runs e4.

Every test starts `e4` as a subprocess (`python -m e4cli`, the console entry point), on a
dossier written on disk, and reads what a person reads: the report, the documents, the
files afterwards.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import MANIFEST, REAL_FORMATION, REAL_STAGE, ROOT, run_e4, write_tree
from e4cli.rules import s007_forme_absente
from e4cli.util.typography import NBSP

M, F, S = "dossier.yaml", "realisations/01-glpi.yaml", "realisations/02-zabbix.yaml"


def plain(text: str) -> str:
    return text.replace(NBSP, " ")


def check_json(root: Path, cwd: Path | None = None) -> dict[str, object]:
    proc = run_e4("check", str(root), "--format", "json", cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    report: dict[str, object] = json.loads(proc.stdout)
    return report


def findings(report: dict[str, object], code: str | None = None) -> list[dict[str, object]]:
    found = report["findings"]
    assert isinstance(found, list)
    return [f for f in found if code is None or f["code"] == code]


def narrow(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """e4 piped at 80 columns, as in a CI log or `| less`."""
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    return run_e4(*args, cwd=cwd, env=env)


# --- 1. a réalisation the table cannot place -----------------------------------------


def test_a_realisation_in_no_section_fails_check_and_counts_nowhere(
    make_dossier: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_dossier({S: REAL_STAGE.replace("stage: stage2", "stage: stage3")})
    proc = run_e4("check", str(root))
    assert proc.returncode == 1, "conforme while the table drops a réalisation"
    report = check_json(root)
    (t004,) = findings(report, "T004")
    assert (t004["severity"], t004["path"], t004["line"]) == ("error", S, 3)
    assert "stage3" in str(t004["message"]) and "B1.4" in str(t004["message"])
    assert t004["hint"] == "Stages connus : stage1, stage2."
    assert not findings(report, "R002")  # one finding for one fault
    coverage = report["coverage"]
    assert isinstance(coverage, dict)
    assert [code for code, c in coverage.items() if not c["covered"]] == ["B1.4", "B1.5", "B1.6"]
    # the table leaves it out, and says so
    table = run_e4("table", str(root), "--format", "json")
    data = json.loads(table.stdout)
    placed = [row["intitule"] for s in data["sections"] for row in s["rows"]]
    assert placed == ["Inventaire du parc avec GLPI"]
    assert "T004" in table.stderr
    # the grid lists under B1.4 what the table shows: nothing
    grid = tmp_path / "grille.html"
    assert run_e4("grille", str(root), "-o", str(grid)).returncode == 0
    assert "Supervision avec Zabbix" not in grid.read_text(encoding="utf-8")
    # the class report counts the same
    csv_out = tmp_path / "classe.csv"
    assert run_e4("report", str(root.parent), "-o", str(csv_out)).returncode == 0
    assert "B1.4" in csv_out.read_text(encoding="utf-8")


# --- 2. forme: one rule, one place ----------------------------------------------------


def test_check_and_grille_say_the_same_of_a_missing_forme(
    make_dossier: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_dossier({M: MANIFEST.replace("forme: ccf\n", "")})
    (s007,) = findings(check_json(root), "S007")
    assert s007["severity"] == "warning"
    grid = run_e4("grille", str(root), "-o", str(tmp_path / "g.html"))
    assert s007_forme_absente.MESSAGE in grid.stderr
    assert s007_forme_absente.MESSAGE[1:] in str(s007["message"])
    # and e4 init leaves it to write, which e4 check lists
    fresh = tmp_path / "nouveau"
    assert run_e4("init", str(fresh), "--option", "SISR").returncode == 0
    assert findings(check_json(fresh), "S007")
    assert "ponctuelle ou ccf" in (fresh / "dossier.yaml").read_text(encoding="utf-8")


def test_a_dossier_with_its_forme_has_no_s007(make_dossier: Callable[..., Path]) -> None:
    assert not findings(check_json(make_dossier()), "S007")


# --- 3. numero: the same message everywhere, the table shows what it can -----------------


def test_an_unquoted_numero_is_shown_as_written_with_the_checks_words(
    make_dossier: Callable[..., Path],
) -> None:
    root = make_dossier({M: MANIFEST.replace('numero: "02248211114"', "numero: 02271634506")})
    (s001,) = findings(check_json(root), "S001")
    assert "lu comme le nombre 317143366" in str(s001["message"])
    table = run_e4("table", str(root), "--format", "md")
    assert "**N° candidat :** 02271634506" in table.stdout
    body = str(s001["message"]).split(" : ", 1)[1]
    assert body in table.stderr
    assert "candidat.numero absent" not in table.stderr


# --- 4. a hint's path and command, as seen from where e4 runs ----------------------------


def test_the_encoding_hint_is_a_command_that_works_from_here(tmp_path: Path) -> None:
    from conftest import valid_files

    files = dict(valid_files())
    files[S] = REAL_STAGE.replace("Supervision", "Supervision réseau").encode("cp1252")
    write_tree(tmp_path / "classe" / "lea", files)
    proc = narrow("check", "classe/lea", cwd=tmp_path)
    lines = proc.stdout.splitlines()
    command = [line.strip() for line in lines if "e4 check --fix" in line]
    assert command == ["e4 check --fix classe/lea"], proc.stdout  # whole, on its own line
    (d004,) = findings(check_json(Path("classe/lea"), cwd=tmp_path), "D004")
    assert str(d004["hint"]).endswith("e4 check --fix classe/lea")
    fixed = run_e4("check", "--fix", "classe/lea", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "D004 corrigé" in fixed.stderr
    text = (tmp_path / "classe/lea" / S).read_text(encoding="utf-8")
    assert "Supervision réseau avec Zabbix" in text
    assert not list((tmp_path / "classe/lea/realisations").glob("*.utf8"))


# --- 5 to 8. messages ----------------------------------------------------------------


def test_accented_keys_give_one_finding_each_at_the_key(make_dossier: Callable[..., Path]) -> None:
    manifest = MANIFEST.replace("  prenom:", "  prénom:").replace(
        "    debut: 2026-05-25", "    début: 2026-05-25"
    )
    root = make_dossier({M: manifest, F: REAL_FORMATION.replace("intitule:", "intitulé:")})
    report = check_json(root)
    errors = [
        (f["code"], f["path"], f["line"]) for f in findings(report) if f["severity"] == "error"
    ]
    assert errors == [("S002", M, 4), ("S002", M, 14), ("S002", F, 1)]
    hints = [f["hint"] for f in findings(report, "S002")]
    assert hints == [
        "Renommez-la « prenom » (e4 check --fix le fait).",
        "Renommez-la « debut » (e4 check --fix le fait).",
        "Renommez-la « intitule » (e4 check --fix le fait).",
    ]


def test_the_yaml_colon_hint_names_the_key_of_the_line(make_dossier: Callable[..., Path]) -> None:
    broken = REAL_FORMATION + "contribution: J'ai fait deux choses : la config: le reste\n"
    (d003,) = findings(check_json(make_dossier({F: broken})), "D003")
    assert str(d003["hint"]).startswith("Mettez la valeur entre guillemets : contribution: ")
    assert "intitule" not in str(d003["hint"])


def test_an_item_past_its_competency_says_which_items_it_has(
    make_dossier: Callable[..., Path],
) -> None:
    real = REAL_FORMATION.replace("[B1.1, B1.2, B1.3]", "[B1.1, B1.2.4, B1.3]")
    (r004,) = findings(check_json(make_dossier({F: real})), "R004")
    assert r004["hint"] == "B1.2 a les items B1.2.1 à B1.2.3."


@pytest.mark.parametrize("written", ["19-02-2027", "2027/02/19", "19.02.2027", "19/02/2027"])
def test_every_unambiguous_date_is_given_its_iso_form(
    make_dossier: Callable[..., Path], written: str
) -> None:
    manifest = MANIFEST.replace("fin: 2027-02-19", f"fin: {written}")
    (s003,) = findings(check_json(make_dossier({M: manifest})), "S003")
    assert s003["hint"] == "Écrivez-la au format ISO : 2027-02-19"


# --- 9, 10. French, typography and wrapping -------------------------------------------------


def test_severities_are_french_in_explain_and_junit(make_dossier: Callable[..., Path]) -> None:
    listing = run_e4("explain").stdout
    assert not re.search(r"\b(error|warning)\b", listing)
    assert "erreur" in listing and "avertissement" in listing
    assert "avertissement" in run_e4("explain", "R002").stdout.splitlines()[0]
    root = make_dossier({F: REAL_FORMATION.replace("2026-02-13", "13/02/2026")})
    junit = run_e4("check", str(root), "--format", "junit").stdout
    assert ": avertissement :" in junit and ": warning :" not in junit
    github = run_e4("check", str(root), "--format", "github").stdout
    assert "(0 erreur, 1 avertissement, " in github and "(s)" not in github


def test_piped_text_never_breaks_after_an_opening_quote_nor_before_a_colon(
    make_dossier: Callable[..., Path],
) -> None:
    real = REAL_STAGE.replace("stage: stage2", "stage: « stage de seconde année : Armor »")
    proc = narrow("check", str(make_dossier({S: real})))
    for line in plain(proc.stdout).splitlines():
        assert not line.rstrip().endswith("«"), line
        assert not line.lstrip().startswith((":", "»", ";", "?")), line


def test_the_class_summary_never_cuts_a_path(tmp_path: Path) -> None:
    from conftest import valid_files

    names = [f"classe-bts-sio-2e-annee/{n}-dossier-de-candidat-avec-un-long-nom" for n in "ab"]
    for name in names:
        write_tree(tmp_path / name, valid_files())
    proc = narrow("check", *names, cwd=tmp_path)
    for name in names:
        assert name in proc.stdout  # whole, on one line


def test_a_fresh_dossier_shows_its_placeholders_once(tmp_path: Path) -> None:
    assert run_e4("init", str(tmp_path / "d"), "--option", "SISR").returncode == 0
    header = " ".join(run_e4("check", str(tmp_path / "d")).stdout.split("\n\n")[0].split())
    assert "(nom et prénom à compléter)" in header
    assert header.count("COMPLÉTER") == 0


# --- 12, 13. documents -------------------------------------------------------------------


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> str:
    from table_support import chromium

    found = chromium()
    assert found is not None, "Chromium is needed to print the documents"
    monkeypatch.setenv("E4_CHROMIUM", found)
    return found


def test_a_long_printed_table_names_the_candidate_on_every_page_and_prints_addresses(
    tmp_path: Path, browser: str
) -> None:
    from table_support import build_dossier, standard_realisations

    reals = standard_realisations(40)
    first = next(iter(reals.values()))
    first["productions"] = [
        {"titre": "Dépôt du script", "url": "https://github.com/lea-martin/inventaire-parc"}
    ]
    root = build_dossier(tmp_path / "d", reals)
    target = tmp_path / "tableau.pdf"
    proc = run_e4("table", str(root), "-o", str(target))
    assert proc.returncode == 0, proc.stderr
    reader = PdfReader(str(target))
    assert len(reader.pages) > 1
    numero = json.loads(run_e4("table", str(root), "-f", "json").stdout)["identity"]["numero"]
    for page in reader.pages:
        text = " ".join((page.extract_text() or "").split())
        assert numero in text and "MARTIN" in text
    whole = " ".join(" ".join((p.extract_text() or "") for p in reader.pages).split())
    assert "github.com/lea-martin/inventaire-parc" in whole


def test_the_grid_prints_a_productions_address(
    make_dossier: Callable[..., Path], tmp_path: Path
) -> None:
    real = REAL_FORMATION + (
        "productions:\n  - titre: Dépôt du script\n    url: https://github.com/lea/inventaire\n"
    )
    grid = tmp_path / "g.html"
    assert run_e4("grille", str(make_dossier({F: real})), "-o", str(grid)).returncode == 0
    assert "Dépôt du script (github.com/lea/inventaire)" in grid.read_text(encoding="utf-8")


# --- 14. shell completion ------------------------------------------------------------------


def complete(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run_e4(env={**os.environ, **env})


@pytest.mark.parametrize("spelling", ["bash_source", "source_bash"])
def test_bash_completion_script_in_either_spelling(spelling: str) -> None:
    proc = complete({"_E4_COMPLETE": spelling})
    assert proc.returncode == 0
    assert "complete -o default -F _e4_completion e4" in proc.stdout


@pytest.mark.parametrize("shell", ["zsh", "fish", "powershell"])
def test_other_shells_have_their_script(shell: str) -> None:
    proc = run_e4("--show-completion", shell)
    assert proc.returncode == 0 and "e4" in proc.stdout and "_E4_COMPLETE" in proc.stdout


def test_commands_and_options_complete() -> None:
    words = complete({"_E4_COMPLETE": "complete_bash", "COMP_WORDS": "e4 ch", "COMP_CWORD": "1"})
    assert words.stdout.split() == ["check"]
    options = complete(
        {"_E4_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "e4 check --fi"}
    ).stdout
    assert '"--fix"' in options
    formats = complete(
        {"_E4_COMPLETE": "complete_bash", "COMP_WORDS": "e4 check -f ", "COMP_CWORD": "3"}
    ).stdout.split()
    assert "json" in formats and "sarif" in formats
    # a dossier path: the shell's own file completion takes over
    paths = complete({"_E4_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "e4 check d"})
    assert paths.stdout.strip() == "_files"


def test_install_completion_says_where_in_french(tmp_path: Path) -> None:
    proc = run_e4("--install-completion", "bash", env={**os.environ, "HOME": str(tmp_path)})
    assert proc.returncode == 0, proc.stderr
    assert "Complétion bash installée" in proc.stdout
    assert "e4" in (tmp_path / ".bashrc").read_text(encoding="utf-8")


def test_readme_documents_completion_for_every_shell() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "e4 --install-completion" in readme and "_E4_COMPLETE=bash_source e4" in readme
    assert all(shell in readme for shell in ("bash", "zsh", "fish", "PowerShell"))


# --- 15. e4 check --fix and --diff ---------------------------------------------------------

BROKEN_MANIFEST = (
    MANIFEST.replace('numero: "02248211114"', "numero: 02271634506   # de la convocation")
    .replace("  prenom:", "  # le prénom d'usage\n  prénom:")
    .replace("    debut: 2026-05-25", "    début: 25/05/2026")
)
BROKEN_REAL = (
    "# ma première réalisation\n"
    + REAL_FORMATION.replace("intitule:", "intitulé:")
    .replace("2026-01-05", '"05/01/2026"')
    .replace("fin: 2026-02-13", "fin: 13-02-2026   # fin du projet")
    .replace("B1.2", "B1-2")
)


def test_fix_makes_the_dossier_check_clean_and_keeps_comments_and_order(
    make_dossier: Callable[..., Path],
) -> None:
    stage = REAL_STAGE.replace("Supervision", "Supervision réseau").encode("cp1252")
    root = make_dossier({M: BROKEN_MANIFEST, F: BROKEN_REAL, S: stage})
    assert run_e4("check", str(root)).returncode == 1
    proc = run_e4("check", "--fix", str(root))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for code in ("D004", "S001", "S002", "S003", "R004"):
        assert f"{code} corrigé" in proc.stderr, code
    assert "✔ Dossier conforme" in proc.stdout
    assert [f["code"] for f in findings(check_json(root)) if f["severity"] != "info"] == []
    manifest = (root / M).read_text(encoding="utf-8")
    assert 'numero: "02271634506"   # de la convocation' in manifest
    assert "  # le prénom d'usage\n  prenom: Léa" in manifest
    assert "    debut: 2026-05-25\n" in manifest
    real = (root / F).read_text(encoding="utf-8")
    assert real == (
        "# ma première réalisation\n"
        "intitule: Inventaire du parc avec GLPI\n"
        "cadre: formation\n"
        "periode:\n"
        "  debut: 2026-01-05\n"
        "  fin: 2026-02-13   # fin du projet\n"
        "competences: [B1.1, B1.2, B1.3]\n"
    )
    again = run_e4("check", "--fix", str(root))
    assert "aucune correction automatique à faire" in again.stderr


def test_diff_shows_the_fixes_and_writes_nothing(make_dossier: Callable[..., Path]) -> None:
    root = make_dossier({M: BROKEN_MANIFEST, F: BROKEN_REAL})
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    proc = run_e4("check", "--diff", str(root))
    assert proc.returncode == 1
    assert f"--- a/{root}/{F}" in proc.stdout
    assert "-intitulé: Inventaire du parc avec GLPI\n+intitule: Inventaire du parc avec GLPI" in (
        proc.stdout
    )
    assert '+  numero: "02271634506"   # de la convocation' in proc.stdout
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before
    assert run_e4("check", str(root)).returncode == 1  # a plain check writes nothing either
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_fix_leaves_what_needs_judgement(make_dossier: Callable[..., Path]) -> None:
    real = REAL_FORMATION.replace("B1.2", "B1.7").replace("2026-02-13", "31/02/2026")
    root = make_dossier({F: real})
    before = (root / F).read_bytes()
    proc = run_e4("check", "--fix", str(root))
    assert "aucune correction automatique à faire" in proc.stderr
    assert (root / F).read_bytes() == before
    assert proc.returncode == 1


# --- 16, 17. installing, and the evaluations' schema -------------------------------------


def test_readme_installs_without_a_clone_and_names_the_browser() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    install = readme.split("## Installation", 1)[1].split("\n## ", 1)[0]
    assert 'pipx install "git+https://' in install and 'uv tool install "git+https://' in install
    assert "Chromium, Google Chrome ou Microsoft Edge" in install
    first = readme.split("```sh\n", 1)[1].splitlines()[0]
    assert "pip install -q ." in first and first.endswith("e4 check examples/sisr-complet")


def test_evaluations_use_the_offline_schema_like_the_dossier(tmp_path: Path) -> None:
    for path in (ROOT / "examples" / "evaluations").glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert "https://" not in first and "evaluation.schema.json" in first
        assert (path.parent / first.split("$schema=")[1]).resolve().is_file()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "$schema=https://" not in readme
    assert run_e4("schema", "--vscode", cwd=tmp_path).returncode == 0
    settings = json.loads((tmp_path / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]["./.e4/schemas/evaluation.schema.json"]
    assert "evaluations/*.yaml" in mapping
    assert (tmp_path / ".e4" / "schemas" / "evaluation.schema.json").is_file()
