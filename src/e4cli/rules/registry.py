"""The registry of every finding code, in the order `e4 explain` lists them.

One module per code; its docstring is the documentation. Codes with a check
run in this order; the others are reported while loading.
"""

from __future__ import annotations

from e4cli.dossier.problems import Problem
from e4cli.rules import (
    a001_aucune_attestation,
    a002_attestation_absente,
    a003_attestation_invalide,
    a004_duree_stages,
    a005_dates_stages,
    a006_dates_attestation,
    a007_organisation_attestation,
    a008_candidat_attestation,
    a009_attestation_sans_texte,
    c001_competence_non_couverte,
    c002_item_non_couvert,
    d001_dossier_introuvable,
    d002_manifeste_absent,
    d003_yaml_invalide,
    d004_encodage,
    d005_chemin_exterieur,
    d006_cle_en_double,
    d007_fichier_refuse,
    d008_nom_non_utf8,
    e001_evaluation_illisible,
    e002_evaluation_non_conforme,
    e003_note_hors_echelle,
    e004_niveau_inconnu,
    e005_competence_evaluee_inconnue,
    e006_niveau_sans_realisation,
    e007_evaluation_incomplete,
    e008_autre_candidat,
    e009_note_trop_precise,
    f001_deux_realisations_e6,
    f002_bloc2_non_couvert,
    f003_fiche_incomplete,
    f004_competence_bloc2_inconnue,
    p001_portfolio_absent,
    p002_portfolio_inutilisable,
    p003_lien_casse,
    p004_portfolio_hors_ligne,
    p005_portfolio_ferme,
    p006_realisation_absente_en_ligne,
    p007_lien_casse_en_ligne,
    p008_site_perime,
    r001_periode,
    r002_stage_de_la_realisation,
    r003_fichier_absent,
    r004_competence_inconnue,
    r005_contribution,
    r006_sans_competence,
    r007_doublon,
    r008_fichier_ignore,
    s001_valeur_invalide,
    s002_cle_inconnue,
    s003_date_francaise,
    s004_a_completer,
    s005_etiquette_yaml,
    s006_date_invraisemblable,
    s007_forme_absente,
    t001_tableau_absent,
    t002_tableau_perime,
    t003_tableau_different,
    t004_hors_tableau,
)
from e4cli.rules.base import Rule
from e4cli.rules.findings import Finding

_MODULES = (
    d001_dossier_introuvable,
    d002_manifeste_absent,
    d003_yaml_invalide,
    d004_encodage,
    d005_chemin_exterieur,
    d006_cle_en_double,
    d007_fichier_refuse,
    d008_nom_non_utf8,
    s001_valeur_invalide,
    s002_cle_inconnue,
    s003_date_francaise,
    s004_a_completer,
    s005_etiquette_yaml,
    s006_date_invraisemblable,
    s007_forme_absente,
    p001_portfolio_absent,
    p002_portfolio_inutilisable,
    p003_lien_casse,
    p004_portfolio_hors_ligne,
    p005_portfolio_ferme,
    p006_realisation_absente_en_ligne,
    p007_lien_casse_en_ligne,
    p008_site_perime,
    t001_tableau_absent,
    t002_tableau_perime,
    t003_tableau_different,
    t004_hors_tableau,
    r001_periode,
    r002_stage_de_la_realisation,
    r003_fichier_absent,
    r004_competence_inconnue,
    r005_contribution,
    r006_sans_competence,
    r007_doublon,
    r008_fichier_ignore,
    c001_competence_non_couverte,
    c002_item_non_couvert,
    f001_deux_realisations_e6,
    f002_bloc2_non_couvert,
    f003_fiche_incomplete,
    f004_competence_bloc2_inconnue,
    a001_aucune_attestation,
    a002_attestation_absente,
    a003_attestation_invalide,
    a004_duree_stages,
    a005_dates_stages,
    a006_dates_attestation,
    a007_organisation_attestation,
    a008_candidat_attestation,
    a009_attestation_sans_texte,
)

RULES: dict[str, Rule] = {m.RULE.code: m.RULE for m in _MODULES}

# The codes of `e4 note`, about the commission's evaluation file (not the dossier):
# documented for `e4 explain`, never run by `e4 check` nor listed in its reports.
EVALUATION_RULES: dict[str, Rule] = {
    m.RULE.code: m.RULE
    for m in (
        e001_evaluation_illisible,
        e002_evaluation_non_conforme,
        e003_note_hors_echelle,
        e004_niveau_inconnu,
        e005_competence_evaluee_inconnue,
        e006_niveau_sans_realisation,
        e007_evaluation_incomplete,
        e008_autre_candidat,
    e009_note_trop_precise,
    )
}


def _problem_rules() -> dict[type[Problem], Rule]:
    table: dict[type[Problem], Rule] = {}
    for rule in (*RULES.values(), *EVALUATION_RULES.values()):
        for kind in rule.describers:
            if kind in table:
                owners = f"{table[kind].code} et {rule.code}"
                raise ValueError(f"{kind.__name__} est décrit par {owners}")
            table[kind] = rule
    return table


PROBLEM_RULES: dict[type[Problem], Rule] = _problem_rules()
"""The rule that reports each kind of problem met while reading: exactly one."""


def report(problem: Problem) -> Finding:
    """The finding of a problem met while reading, stamped by the rule that owns its kind."""
    return PROBLEM_RULES[type(problem)].report(problem)


def ordered() -> list[Rule]:
    """Every rule sorted by code family (D, S, P, T, R, C, F, A) then number."""
    families = "DSPTRCFA"
    return sorted(RULES.values(), key=lambda r: (families.find(r.code[0]), r.code))


def documented() -> list[Rule]:
    """Every code `e4 explain` knows: the dossier's in `ordered()` order, then the evaluation's."""
    return [*ordered(), *sorted(EVALUATION_RULES.values(), key=lambda r: r.code)]
