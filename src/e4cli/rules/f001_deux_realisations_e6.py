"""F001 · error · Pas exactement deux réalisations pour l'épreuve E6

Dès qu'une réalisation a un bloc `e6:`, le dossier prépare aussi l'épreuve E6 (E5 jusqu'à la
session 2024) : il faut alors exactement deux réalisations avec un bloc `e6:`, numérotées 1 et
2 (`numero`), une fiche descriptive chacune. Le constat est à la ligne du bloc `e6:` de trop
ou seul, ou du `numero` déjà pris.

Pourquoi : « L'épreuve prend appui sur deux réalisations professionnelles composant le dossier
remis par la personne candidate » ; la commission en choisit une pour établir l'expression de
besoins. Une seule fiche, ou trois, et le dossier n'est pas celui que l'épreuve définit.

Correct :
    # realisations/03-supervision.yaml
    e6:
      numero: 1
    # realisations/06-radius.yaml
    e6:
      numero: 2

Fautif :
    # realisations/03-supervision.yaml
    e6:
      numero: 1
    # realisations/06-radius.yaml
    e6:
      numero: 1      # le même numéro : laquelle est la réalisation n°2 ?
"""

from collections.abc import Iterator

from e4cli.dossier.model import Dossier
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding

RULE = Rule.from_doc(__doc__, needs_manifest=False)


def epreuve(dossier: Dossier) -> str:
    """The épreuve's number for the dossier's session: E5 up to 2024, E6 since."""
    e6 = dossier.referential.e6
    option = dossier.candidat.option
    if e6 is None or option not in e6.blocks:
        return "E6"
    return e6.labels(dossier.session, option).epreuve


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    dossier = ctx.dossier
    chosen = [r for r in dossier.realisations if r.e6 is not None]
    if not chosen:
        return
    name = epreuve(dossier)
    if len(chosen) == 1:
        real = chosen[0]
        yield RULE.finding(
            f"Seule {real.label} a un bloc « e6 » : l'épreuve {name} prend appui sur deux "
            "réalisations professionnelles.",
            real.anchor.key("e6"),
            "Ajoutez un bloc « e6: » (numero: 2) à la seconde réalisation choisie pour "
            f"l'épreuve {name}, ou ôtez celui-ci si le dossier ne prépare pas cette épreuve.",
        )
    for real in chosen[2:]:
        first, second = chosen[0], chosen[1]
        yield RULE.finding(
            f"{real.label} a un bloc « e6 », en plus de {first.label} et de {second.label} : "
            f"l'épreuve {name} prend appui sur deux réalisations exactement.",
            real.anchor.key("e6"),
            "Gardez le bloc « e6: » des deux réalisations présentées à l'épreuve et ôtez les "
            "autres.",
        )
    seen: dict[int, str] = {}
    for real in chosen:
        assert real.e6 is not None
        numero = real.e6.numero
        if numero is None:
            continue  # absent or not 1 or 2: the schema says so (S001)
        if numero in seen:
            other = 2 if numero == 1 else 1
            yield RULE.finding(
                f"{real.label} porte le numéro {numero}, déjà celui de {seen[numero]} : les deux "
                "fiches descriptives sont numérotées 1 et 2.",
                real.e6.anchor.at("numero"),
                f"Écrivez « numero: {other} » pour l'une des deux.",
            )
        else:
            seen[numero] = real.label
