"""The two fiches descriptives of épreuve E6 as plain data, ready for every renderer.

One `FicheModel` per dossier: the session's and option's printed labels (épreuve
E5 or E6, annexe 7-1, 9-1 or VII-1, A for SISR and B for SLAM) and one `Sheet`
per réalisation that has an `e6:` block, in the order of their `numero`. What
the fiche asks and the réalisation already says (intitulé, période, organisation
through its stage, modalité, productions) comes from the réalisation as it is;
the `e6:` block adds the rest. Nothing here judges: the rules (F001–F004) do.
"""

from __future__ import annotations

from dataclasses import field

from e4cli.dossier.e6 import E6Labels
from e4cli.dossier.fs import DossierFS, FileRefused, PathOutside, decode_text
from e4cli.dossier.model import Dossier, E6Part, Realisation
from e4cli.jury.fiche.markdown import Markdown, parse
from e4cli.table.model import CHECKED, UNCHECKED, period_text
from e4cli.util.record import record

MAX_DESCRIPTIF_BYTES = 2_000_000


class NoFiche(Exception):
    """The dossier has nothing to print a fiche from; the message says why, in French."""


@record
class Box:
    label: str
    ticked: bool

    @property
    def mark(self) -> str:
        return CHECKED if self.ticked else UNCHECKED


@record
class Production:
    title: str
    where: str  # the file or the address


@record(frozen=False)
class Sheet:
    """One réalisation's fiche: recto and verso."""

    numero: int | None
    intitule: str
    organisation: str
    periode: str
    lieu: str
    modalites: tuple[Box, Box]  # Seul(e), En équipe
    competences: tuple[Box, ...]  # the three of bloc 2, ticked when mobilised
    conditions: Markdown
    ressources: Markdown
    acces: Markdown
    productions: tuple[Production, ...]
    descriptif: Markdown
    source: str  # the réalisation's file

    @property
    def numero_text(self) -> str:
        return str(self.numero) if self.numero is not None else ""


@record(frozen=False)
class FicheModel:
    labels: E6Labels
    diploma: str
    full_name: str
    numero: str
    formes: tuple[Box, ...]
    sheets: list[Sheet]
    notes: list[str] = field(default_factory=list)  # what could not be shown, in French

    @property
    def title(self) -> str:
        who = self.full_name or "candidat"
        return f"Fiches descriptives – {who} – {self.labels.epreuve_line}"


def build_fiche(dossier: Dossier, fs: DossierFS | None = None) -> FicheModel:
    """The fiches of the réalisations with an `e6:` block; `NoFiche` when there are none."""
    e6 = dossier.referential.e6
    if e6 is None:
        raise NoFiche("le référentiel ne décrit pas le bloc 2 ni la fiche descriptive")
    option = dossier.candidat.option
    if option not in e6.blocks:
        raise NoFiche(
            "l'option du candidat (SISR ou SLAM) manque dans dossier.yaml : elle choisit le "
            "bloc 2 et la fiche"
        )
    chosen = dossier.e6_realisations()
    if not chosen:
        raise NoFiche(
            "aucune réalisation n'a de bloc « e6: » (e4 init --e6 montre comment en ajouter)"
        )
    fs = fs or DossierFS(dossier.root)
    labels = e6.labels(dossier.session, option)
    wording = labels.wording
    model = FicheModel(
        labels=labels,
        diploma=dossier.referential.diploma,
        full_name=dossier.candidat.full_name,
        numero=dossier.candidat.numero or "",
        formes=tuple(Box(label, key == dossier.forme) for key, label in wording.formes),
        sheets=[],
    )
    for real in chosen:
        assert real.e6 is not None
        sheet = _sheet(dossier, real, real.e6, labels, fs)
        model.sheets.append(sheet)
        for md in (sheet.conditions, sheet.ressources, sheet.acces, sheet.descriptif):
            model.notes.extend(f"{real.file} : {note}" for note in md.notes)
    return model


def _sheet(
    dossier: Dossier, real: Realisation, part: E6Part, labels: E6Labels, fs: DossierFS
) -> Sheet:
    wording = labels.wording
    organisation = _organisation(dossier, real)
    mobilised = part.competence_codes()
    return Sheet(
        numero=part.numero,
        intitule=real.intitule or "",
        organisation=organisation,
        periode=period_text(real.debut, real.fin),
        lieu=part.lieu or organisation,
        modalites=(
            Box(wording.alone, real.modalite == "seul"),
            Box(wording.team, real.modalite == "equipe"),
        ),
        competences=tuple(
            Box(comp.label, comp.code in mobilised) for comp in labels.block.competences
        ),
        conditions=parse(part.conditions or "", fs),
        ressources=parse(part.ressources or "", fs),
        acces=parse(part.acces or "", fs),
        productions=tuple(
            Production(p.titre or p.fichier or p.url or "", p.url or p.fichier or "")
            for p in real.productions
        ),
        descriptif=_descriptif(part, fs),
        source=real.file,
    )


def _organisation(dossier: Dossier, real: Realisation) -> str:
    """The organisation the réalisation was made for: its stage's, else the training centre."""
    if real.cadre == "stage" and real.stage:
        stage = dossier.stage_by_id(real.stage)
        if stage is not None and stage.organisation:
            return stage.organisation
    return dossier.centre or ""


def _descriptif(part: E6Part, fs: DossierFS) -> Markdown:
    path = part.descriptif_path
    if path is None:
        return parse(part.descriptif or "", fs)
    try:
        resolved = fs.resolve(path)
        if not resolved.is_file():
            md = parse("", fs)
            md.notes.append(f"descriptif « {path} » absent du dossier")
            return md
        data = fs.read_bytes(resolved, MAX_DESCRIPTIF_BYTES)
    except (PathOutside, FileRefused, OSError) as exc:
        md = parse("", fs)
        md.notes.append(f"descriptif « {path} » non lu ({_why(exc)})")
        return md
    text, _ = decode_text(data, path)
    if text is None:
        md = parse("", fs)
        md.notes.append(f"descriptif « {path} » non lu : ce n'est pas un texte UTF-8")
        return md
    folder = path.rsplit("/", 1)[0] if "/" in path else ""
    return parse(text, fs, folder)


def _why(exc: Exception) -> str:
    if isinstance(exc, PathOutside):
        return "hors du dossier"
    if isinstance(exc, FileRefused):
        return exc.reason
    return "illisible"
