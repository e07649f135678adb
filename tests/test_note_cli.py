"""`e4 note`: the fiche d'appréciation and NOTE FINALE = max(0, NOTE − penalties)."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_cli
from e4cli.table import pdf
from jury_support import is_a4_portrait, no_portfolio_dossier, pdf_text, write_evaluation
from table_support import chromium, phone_overflow

EVALUATIONS = EXAMPLES / "evaluations"


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> str:
    found = chromium()
    assert found is not None
    monkeypatch.setenv(pdf.ENV_BROWSER, found)
    return found


def note(*args: str) -> tuple[int, str, str]:
    result = run_cli("note", *args)
    return result.exit_code, result.stdout, result.stderr


def text_of(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_the_example_evaluation_gives_its_note_finale_and_fiche() -> None:
    code, page, err = note(
        str(EXAMPLES / "sisr-complet"), "--evaluation", str(EVALUATIONS / "sisr-complet.yaml")
    )
    assert code == 0, err
    assert "NOTE 15,5/20, aucune pénalité : NOTE FINALE 15,5/20" in err
    text = text_of(page)
    assert "ANNEXE VI-4 : Fiche d’appréciation destinée à la personne candidate" in text
    assert "Nom, prénom : LE GOFF Erwan" in text
    assert "N° commission : 12" in text
    assert "Date : 18/05/2027" in text
    assert "NOTE 15,5 / 20" in text  # the form's only mark: the NOTE FINALE
    # each part's observations in its own frame, in the form's order
    assert re.search(
        r"Partie 1 : .* Observations Présentation structurée.* Partie 2 : .* Observations "
        r"Réponses précises sur le plan de sauvegarde.* Appréciation sur le niveau de maîtrise"
        r".* Candidat rigoureux, qui documente ses interventions.* NOTE 15,5 / 20 Visa des "
        r"membres de la commission d’interrogation Anne Riou Yann Morvan",
        text,
    )


def test_a_penalised_example_has_its_penalty_subtracted() -> None:
    code, page, err = note(
        str(EXAMPLES / "casse-stages"), "-e", str(EVALUATIONS / "casse-stages.yaml")
    )
    assert code == 0, err
    assert (
        "NOTE 12/20 − 2 points de pénalité (Absence de tableau de synthèse) = NOTE FINALE 10/20"
        in err
    )
    text = text_of(page)
    assert "NOTE 10 / 20" in text
    # how the mark was reached, on screen only (the printed fiche is the form's)
    assert "NOTE 12/20 de la commission" in text
    assert "Absence de tableau de synthèse (2 points de pénalité)" in text


@pytest.mark.parametrize(("given", "final"), [("15", "5"), ("17,75", "7,75"), ("8", "0")])
def test_no_portfolio_takes_ten_points_and_never_below_zero(
    tmp_path: Path, given: str, final: str
) -> None:
    root = no_portfolio_dossier(tmp_path / "d")
    evaluation = write_evaluation(tmp_path / "e.yaml", f'note: "{given}"\nappreciation: ok\n')
    code, page, err = note(str(root), "-e", str(evaluation))
    assert code == 0, err
    assert f"NOTE FINALE {final}/20" in err
    assert f"NOTE {final} / 20" in text_of(page)
    assert "Portfolio inaccessible (10 points de pénalité)" in text_of(page)


def test_both_penalties_add_up_to_twelve(tmp_path: Path) -> None:
    root = no_portfolio_dossier(
        tmp_path / "d", **{"realisations/01-glpi.yaml": None, "realisations/02-zabbix.yaml": None}
    )
    evaluation = write_evaluation(tmp_path / "e.yaml", "note: 14.5\nappreciation: ok\n")
    code, _, err = note(str(root), "-e", str(evaluation))
    assert code == 0, err
    assert "NOTE 14,5/20 − 12 points de pénalité" in err and "NOTE FINALE 2,5/20" in err


def test_a_bad_evaluation_gives_located_findings_and_no_fiche(tmp_path: Path) -> None:
    evaluation = write_evaluation(
        tmp_path / "e.yaml", "niveaux:\n  B1.1: Très bonne maîtrise\nnote: 21\n"
    )
    target = tmp_path / "fiche.html"
    code, out, err = note(str(EXAMPLES / "sisr-complet"), "-e", str(evaluation), "-o", str(target))
    assert code == 1
    assert out == "" and not target.exists()
    assert f"{evaluation}:2:9 : E004 erreur : Niveau « Très bonne maîtrise » inconnu" in err
    assert "↳ Vouliez-vous dire « Bonne maîtrise » ?" in err
    assert f"{evaluation}:3:7 : E003 erreur : La note 21 est hors de l'échelle" in err
    assert "pas de fiche pour" in err and "2 erreurs" in err


def test_a_warning_still_gives_the_fiche(tmp_path: Path) -> None:
    evaluation = write_evaluation(
        tmp_path / "e.yaml",
        "niveaux:\n  B1.3: Bonne maîtrise\nnote: 11\nappreciation: Juste.\n",
    )
    code, page, err = note(str(EXAMPLES / "casse-couverture"), "-e", str(evaluation))
    assert code == 0
    assert f"{evaluation}:2:9 : E006 avertissement" in err
    assert "E007 avertissement" in err
    assert "NOTE 11 / 20" in text_of(page)


def test_the_fiche_escapes_what_the_commission_wrote(tmp_path: Path) -> None:
    evaluation = write_evaluation(
        tmp_path / "e.yaml",
        'note: 12\nappreciation: "<script>alert(1)</script>"\ncommission:\n  - nom: <b>Riou</b>\n',
    )
    code, page, _ = note(str(EXAMPLES / "sisr-complet"), "-e", str(evaluation))
    assert code == 0
    assert "<script>" not in page and "<b>Riou" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_fiche_prints_on_one_a4_page(tmp_path: Path, browser: str) -> None:
    target = tmp_path / "fiche.pdf"
    code, _, err = note(
        str(EXAMPLES / "casse-stages"),
        "-e",
        str(EVALUATIONS / "casse-stages.yaml"),
        "-o",
        str(target),
    )
    assert code == 0, err
    reader, text = pdf_text(target)
    assert len(reader.pages) == 1 and is_a4_portrait(reader)
    assert "Fiche d’appréciation destinée à la personne candidate" in text
    assert "NOTE 10 / 20" in text
    assert "LE BRAS Corentin" in text
    assert "NOTE 12/20 de la commission" not in text  # e4's trace is not printed


def test_a_class_reads_one_evaluation_per_dossier_folder(tmp_path: Path) -> None:
    classe = tmp_path / "classe"
    for name in ("sisr-complet", "casse-stages", "slam-complet"):
        shutil.copytree(EXAMPLES / name, classe / name)
    out = tmp_path / "fiches"
    code, _, err = note(
        *(str(classe / n) for n in ("sisr-complet", "casse-stages", "slam-complet")),
        "--evaluation",
        str(EVALUATIONS),
        "--output-dir",
        str(out),
    )
    assert code == 1  # slam-complet has no evaluation in examples/evaluations/
    assert sorted(p.name for p in out.iterdir()) == ["casse-stages.html", "sisr-complet.html"]
    assert "slam-complet.yaml : E001 erreur : Le fichier d'évaluation n'existe pas." in err
    finals = re.findall(r"« ([^»]+) » : NOTE .*?NOTE FINALE ([\d,]+)/20", err)
    assert [(Path(d).name, f) for d, f in finals] == [
        ("sisr-complet", "15,5"),
        ("casse-stages", "10"),
    ]


def test_an_evaluation_file_for_several_dossiers_is_refused(tmp_path: Path) -> None:
    code, _, err = note(
        str(EXAMPLES / "sisr-complet"),
        str(EXAMPLES / "slam-complet"),
        "-e",
        str(EVALUATIONS / "sisr-complet.yaml"),
        "-d",
        str(tmp_path / "f"),
    )
    assert code == 2 and "dossier des évaluations" in err


def test_the_evaluation_of_another_candidate_is_refused() -> None:
    code, out, err = note(
        str(EXAMPLES / "casse-stages"), "-e", str(EVALUATIONS / "sisr-complet.yaml")
    )
    assert code == 1 and out == ""
    assert "E008 erreur" in err


def test_note_needs_an_evaluation() -> None:
    result = run_cli("note", str(EXAMPLES / "sisr-complet"))
    assert result.exit_code == 2


def test_on_a_phone_the_fiche_does_not_scroll_sideways() -> None:
    code, page, err = note(
        str(EXAMPLES / "sisr-complet"), "--evaluation", str(EVALUATIONS / "sisr-complet.yaml")
    )
    assert code == 0, err
    assert phone_overflow(page) == 0
