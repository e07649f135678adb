"""S001 · error · Valeur non conforme au schéma

Une valeur n'a pas le type, la forme ou la valeur permise attendus, ou un champ obligatoire
manque (session, candidat, centre ; intitule et cadre d'une réalisation ; organisation,
annee, debut et fin d'un stage). En font partie aussi : une date impossible (31/02), deux
stages de même identifiant (celui que citent les réalisations dans `stage:`), un fichier vide
ou qui n'est pas un bloc de clés (une liste, une valeur seule).

Pourquoi : chaque champ alimente le tableau de synthèse ou une vérification ; une valeur mal
formée ne peut pas être reportée correctement.

Correct :
    session: 2027
    candidat:
      numero: "02248211114"

Fautif :
    session: deux mille vingt-sept
    candidat:
      numero: 02248211114
"""

from e4cli.dossier.problems import (
    DuplicateStageId,
    ImpossibleDate,
    InvalidValue,
    NotAMapping,
    UnknownReferential,
)
from e4cli.rules.base import Description, Rule
from e4cli.rules.findings import Fix

RULE = Rule.from_doc(__doc__)

_FOUND = {
    "empty": "or le fichier est vide (ou ne contient que des commentaires)",
    "list": "or le fichier est une liste (lignes commençant par « - »)",
    "scalar": "or le fichier ne contient qu'une valeur, sans clé",
}


def read_as_number(raw: str, shown: str) -> tuple[str, str]:
    """What is wrong with a text written as a number (`numero: 02271634506`), and the hint.

    Shared word for word by the schema's finding and by the documents that show the
    value as written (`e4 table`, `e4 grille`); the caller puts the field's name before.
    """
    return (
        f"la valeur doit être du texte, pas « {raw} », lu comme {shown}.",
        f'Mettez la valeur entre guillemets pour la garder telle quelle : "{raw}".',
    )


@RULE.describes(InvalidValue)
def describe(problem: InvalidValue) -> Description:
    return Description(problem.message, problem.where, problem.hint)


@RULE.fixes(InvalidValue)
def fix(problem: InvalidValue) -> Fix | None:
    """Quote a text YAML read as a number (`numero: 02271634506`): it keeps what was written."""
    if problem.quoted is None or problem.span is None:
        return None
    return Fix(
        f"{problem.span.text} → {problem.quoted}", (problem.span.replaced_by(problem.quoted),)
    )


@RULE.describes(NotAMapping)
def describe_not_a_mapping(problem: NotAMapping) -> Description:
    if problem.document == "manifest":
        expected = "dossier.yaml doit être un bloc de clés (session, candidat, centre…)"
        hint = "Partez de « e4 init » pour obtenir un dossier.yaml complet."
    else:
        expected = "Une réalisation doit être un bloc de clés (intitule, cadre, periode…)"
        hint = "Voir « e4 init » pour un exemple de réalisation."
    return Description(f"{expected}, {_FOUND[problem.found]}.", problem.where, hint)


@RULE.describes(UnknownReferential)
def describe_referential(problem: UnknownReferential) -> Description:
    return Description(
        f"Référentiel « {problem.ref_id} » inconnu.",
        problem.where,
        f"Référentiels disponibles : {', '.join(problem.available)} "
        "(ou supprimez la clé pour le choix par défaut).",
    )


@RULE.describes(DuplicateStageId)
def describe_stage_id(problem: DuplicateStageId) -> Description:
    """Two stages with one id: a réalisation's `stage:` could not tell them apart."""
    default = "" if problem.written else " (donné par défaut, d'après sa place dans la liste)"
    return Description(
        f"« stages[{problem.index + 1}] » : l'identifiant « {problem.stage_id} »{default} est "
        f"déjà celui du stage {problem.first_index + 1} ({problem.first_name}).",
        problem.where,
        "Donnez à chaque stage un identifiant unique (id: stage1, id: stage2…) : c'est "
        "lui que citent les réalisations dans « stage: ».",
    )


@RULE.describes(ImpossibleDate)
def describe_date(problem: ImpossibleDate) -> Description:
    french = "À la française, le jour vient en premier (JJ/MM/AAAA). " if problem.french else ""
    return Description(
        f"« {problem.field} » : la date « {problem.value} » {problem.error}.",
        problem.where,
        french + "Écrivez une date réelle au format AAAA-MM-JJ, par exemple 2027-01-19.",
    )
