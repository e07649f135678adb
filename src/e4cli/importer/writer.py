"""Turn a read table into the files of a dossier: dossier.yaml and one file per row.

Everything is planned in memory (path → text) before anything is written, so
the command can refuse before touching the disk. Each file starts with the
schema modeline; values go through `yamlwrite.scalar` so they read back as
written; whatever the table says that e4 could not interpret becomes a
comment in the file it belongs to, and a line of the report.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import field

from e4cli.dossier.editor import DOSSIER_SCHEMA_DIR, schema_ref
from e4cli.dossier.referential import Referential
from e4cli.importer.identity import URL
from e4cli.importer.reader import OfficialTable, TableRow
from e4cli.util.record import record
from e4cli.util.textnorm import fold
from e4cli.util.yamlwrite import comment, comment_lines, double_quoted, modeline, scalar

TODO = "À COMPLÉTER"
SECTION_WORDS = {
    "formation": "formation",
    "stage-annee-1": "stage de première année",
    "stage-annee-2": "stage de seconde année",
    "stage": "stage (année d'après les périodes)",
}  # what S004 looks for: e4 check lists every value still to write
REALISATIONS_DIR = "realisations"
ATTESTATIONS_DIR = "attestations"
STAGE_YEAR_WORDS = {1: "première", 2: "seconde"}
SECTION_YEAR = {"stage-annee-1": 1, "stage-annee-2": 2}
DRAWN_WORDS = {
    "fond": " (case colorée, sans texte, dans le tableau)",
    "croix": " (croix tracée en bordures dans le tableau)",
    "dessin": " (marque dessinée par-dessus la case)",
}
FORMAT_WORDS = {"xlsx": "classeur .xlsx", "ods": "classeur .ods", "pdf": "PDF"}
INTITULE_LENGTH = (3, 300)  # the schema's bounds

# Records a note for the report and gives the comment line that keeps it in the file.
_Note = Callable[[str, str], str]


@record
class ReportLine:
    file: str  # the file the note is kept in (relative to the dossier)
    cell: str  # the table cell it comes from, or ""
    message: str


@record(frozen=False)
class ImportPlan:
    files: dict[str, str] = field(default_factory=dict)  # relative path → YAML text
    folders: list[str] = field(default_factory=list)
    notes: list[ReportLine] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # section key → réalisations


def plan_import(table: OfficialTable, referential: Referential, source: str) -> ImportPlan:
    """The dossier `table` describes; `source` is the table's file name, for comments."""
    plan = ImportPlan()
    session, session_note = _session(table)
    stages = _stages(table, session)
    width = max(2, len(str(len(table.rows))))
    for number, row in enumerate(table.rows, start=1):
        name = f"{REALISATIONS_DIR}/{number:0{width}d}-{_slug(row.intitule)}.yaml"
        notes: list[ReportLine] = []
        plan.files[name] = _realisation(row, name, referential, source, stages, notes)
        plan.notes += notes
        plan.counts[row.section] = plan.counts.get(row.section, 0) + 1
    manifest_notes: list[ReportLine] = []
    plan.files["dossier.yaml"] = _manifest(
        table, session, session_note, stages, source, manifest_notes
    )
    plan.notes[:0] = manifest_notes
    plan.folders = [REALISATIONS_DIR, DOSSIER_SCHEMA_DIR]
    if stages:
        plan.folders.append(ATTESTATIONS_DIR)
    return plan


# -- dossier.yaml -----------------------------------------------------------------


@record(frozen=False)
class _Stage:
    id: str
    annee: int
    debut: dt.date
    fin: dt.date
    guessed: bool  # no row of its section has a period: dates from the session


def _session(table: OfficialTable) -> tuple[int, str | None]:
    if table.identity.session is not None:
        return table.identity.session, None
    ends = [r.period.fin for r in table.rows if r.period.fin is not None]
    if ends:
        last = max(ends)
        year = last.year if last.month <= 8 else last.year + 1
        return year, f"session absente du tableau : {year} déduite des périodes, à vérifier"
    year = dt.date.today().year
    return year, f"session absente du tableau et aucune période : {year} par défaut, à vérifier"


def _stages(table: OfficialTable, session: int) -> dict[str, _Stage]:
    """A placeholder stage for each stage section that has rows, dated by their periods."""
    stages: dict[str, _Stage] = {}
    for section, year in SECTION_YEAR.items():
        rows = table.rows_of(section)
        if not rows:
            continue
        spans = [
            (r.period.debut, r.period.fin)
            for r in rows
            if r.period.debut is not None and r.period.fin is not None
            if r.period.debut <= r.period.fin
        ]
        if spans:
            debut, fin = min(s[0] for s in spans), max(s[1] for s in spans)
            guessed = False
        elif year == 1:  # the usual weeks: end of the first year, then early second year
            debut, fin, guessed = dt.date(session - 1, 5, 15), dt.date(session - 1, 6, 19), True
        else:
            debut, fin, guessed = dt.date(session, 1, 8), dt.date(session, 2, 16), True
        stages[section] = _Stage(f"stage{year}", year, debut, fin, guessed)
    return stages


def _manifest(
    table: OfficialTable,
    session: int,
    session_note: str | None,
    stages: dict[str, _Stage],
    source: str,
    notes: list[ReportLine],
) -> str:
    ident = table.identity
    file = "dossier.yaml"
    lines = [
        modeline(schema_ref(file, "dossier.schema.json")),
        f"# Dossier importé par « e4 import » du tableau « {comment(source)} »",
        f"# ({FORMAT_WORDS.get(table.format, table.format)}, feuille « {comment(table.sheet)} »)."
        f" Les valeurs « {TODO} » sont à remplacer :",
        "# « e4 check » les liste toutes (S004), avec ce qui manque encore au dossier.",
        "",
    ]
    if table.sections:
        lines.append("# Sections lues dans le tableau :")
        for read in table.sections:
            became = SECTION_WORDS.get(read.key or "", "non reconnue : lignes en formation")
            lines += comment_lines(f"  - ligne {read.sheet_row} : « {read.text} » → {became}")
    for note in table.notes:
        notes.append(ReportLine(file, note.cell, note.message))
    if table.notes:
        lines += ["# Lu dans l'en-tête du tableau, à vérifier :"]
        for note in table.notes:
            where = f"{note.cell} : " if note.cell else ""
            lines += comment_lines(f"  - {where}{note.message}")
    if session_note:
        notes.append(ReportLine(file, "", session_note))
        lines.append(f"# {comment(session_note)}")
    lines.append(f"session: {session}")
    lines.append("candidat:")
    nom, prenom = ident.name.nom, ident.name.prenom
    lines.append(f"  nom: {scalar(nom or f'{TODO} : NOM du candidat')}")
    lines.append(f"  prenom: {scalar(prenom or f'{TODO} : prénom du candidat')}")
    if ident.numero:
        lines.append(
            f"  numero: {double_quoted(ident.numero)}   # entre guillemets : zéros de tête"
        )
    else:
        lines.append(f'  # numero: "01234567890"   # {TODO} : le numéro de la convocation')
    if ident.option:
        lines.append(f"  option: {ident.option}")
    else:
        lines.append(f"  # option: SISR   # {TODO} : SISR ou SLAM (obligatoire)")
        notes.append(ReportLine(file, "", "option non lue : écrivez « option: SISR » ou SLAM"))
    lines.append(
        "  # statut: scolaire   # scolaire | apprentissage | formation-continue | "
        "experience-professionnelle"
    )
    lines.append(f"centre: {scalar(ident.centre or f'{TODO} : centre de formation')}")
    if ident.portfolio_url:
        lines += ["portfolio:", f"  url: {scalar(ident.portfolio_url)}"]
    else:
        lines += [
            "# portfolio:",
            f"#   url: https://…   # {TODO} : l'adresse du portfolio en ligne,",
            "#   chemin: portfolio/   # et/ou ses pages Markdown dans le dossier",
        ]
        notes.append(ReportLine(file, "", "pas d'adresse de portfolio dans le tableau"))
    lines.append(
        f"# tableau: {comment(source)}   # le tableau remis : e4 check le compare au dossier"
    )
    if stages:
        lines += [
            "stages:",
            "  # Un stage par section du tableau : organisation et attestation à compléter ;",
            "  # les dates viennent des périodes des réalisations de la section : à vérifier.",
        ]
        for stage in stages.values():
            year_word = STAGE_YEAR_WORDS[stage.annee]
            what = f"organisation d'accueil du stage de {year_word} année"
            if stage.guessed:
                what += " (dates inconnues, à compléter aussi)"
                notes.append(
                    ReportLine(
                        file, "", f"{stage.id} : aucune période dans sa section, dates à écrire"
                    )
                )
            lines += [
                f"  - id: {stage.id}",
                f"    organisation: {scalar(f'{TODO} : {what}')}",
                f"    annee: {stage.annee}",
                f"    debut: {stage.debut.isoformat()}",
                f"    fin: {stage.fin.isoformat()}",
                f"    attestation: {ATTESTATIONS_DIR}/{stage.id}.pdf   # à déposer (PDF ou image)",
            ]
    return "\n".join(lines) + "\n"


# -- réalisations --------------------------------------------------------------------


# Small words left out of file names.
_SLUG_SKIP = frozenset(("a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le"))
_SLUG_SKIP |= {"les", "pour", "sur", "un", "une", "avec", "par", "dans"}


def _slug(title: str | None) -> str:
    """A short file name from the intitulé: ASCII, no small words, at most 30 characters."""
    words = [
        w for w in re.sub(r"[^a-z0-9]+", " ", fold(title or "")).split() if w not in _SLUG_SKIP
    ]
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > 30:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or (words[0][:30] if words else "realisation")


def _realisation(
    row: TableRow,
    file: str,
    referential: Referential,
    source: str,
    stages: dict[str, _Stage],
    notes: list[ReportLine],
) -> str:
    def note(cell: str, message: str) -> str:
        notes.append(ReportLine(file, cell, message))
        return f"À vérifier ({cell}) : {message}"

    section_label = referential.sections[row.section]
    lines = [
        modeline(schema_ref(file, "realisation.schema.json")),
        f"# Importée du tableau « {comment(source)} », ligne {row.sheet_row}",
        f"# (section « {section_label} »).",
    ]
    if row.section_label and fold(row.section_label) != fold(section_label):
        lines.append(f"# Section dans le tableau : « {comment(row.section_label)} ».")
    for message in row.notes:
        lines += comment_lines(note(row.title_cell, message))
    intitule = row.intitule
    if intitule is None:
        intitule = f"{TODO} : intitulé de la ligne {row.sheet_row} du tableau"
        notes.append(ReportLine(file, row.title_cell, "ligne sans intitulé : intitulé à écrire"))
    elif not INTITULE_LENGTH[0] <= len(intitule) <= INTITULE_LENGTH[1]:
        lines += comment_lines(
            note(row.title_cell, f"intitulé de {len(intitule)} caractères (de 3 à 300 attendus)")
        )
    lines.append(f"intitule: {scalar(intitule)}")
    if row.section == "formation":
        lines.append("cadre: formation")
    else:
        stage = stages[row.section]
        year_word = STAGE_YEAR_WORDS[stage.annee]
        lines += ["cadre: stage", f"stage: {stage.id}   # le stage de {year_word} année"]
    lines += _period_lines(row, note)
    lines += _competence_lines(row, referential, note)
    lines += _document_lines(row, note)
    for cell, header, text in row.others:
        lines += comment_lines(note(cell, f"colonne « {header} » : {double_quoted(text)}"))
    return "\n".join(lines) + "\n"


def _period_lines(row: TableRow, note: _Note) -> list[str]:
    period = row.period
    if period.empty:
        notes = f"{TODO} : période vide dans le tableau ({row.period_cell}), à écrire"
        note(row.period_cell, "période vide dans le tableau, à écrire")
        return [*comment_lines(notes), "# periode:", "#   debut: AAAA-MM-JJ", "#   fin: AAAA-MM-JJ"]
    lines: list[str] = []
    for message in period.notes:
        lines += comment_lines(
            note(row.period_cell, f"{message} ; tableau : {double_quoted(period.raw)}")
        )
    if period.debut is not None and period.fin is None:  # "à ce jour": the end is to write
        return [
            *lines,
            "periode:",
            f"  debut: {period.debut.isoformat()}",
            f"  # fin: AAAA-MM-JJ   # {TODO} : le dernier jour (tableau : {comment(period.raw)})",
        ]
    if period.debut is None or period.fin is None:
        return [*lines, "# periode:", "#   debut: AAAA-MM-JJ", "#   fin: AAAA-MM-JJ"]
    return [
        *lines,
        "periode:",
        f"  debut: {period.debut.isoformat()}",
        f"  fin: {period.fin.isoformat()}",
    ]


def _competence_lines(row: TableRow, referential: Referential, note: _Note) -> list[str]:
    items: list[str] = []
    for code, tick in row.ticks.items():
        label = referential.competence(code).label
        if tick.note:
            items += comment_lines(note(row.tick_cells[code], f"{code} : {tick.note}"), "  ")
        how = DRAWN_WORDS.get(tick.drawn, "")
        if tick.ticked and tick.items:
            items += [f"  - {item}   # item de {code} écrit dans la case" for item in tick.items]
        elif tick.ticked:
            items.append(f"  - {code}   # {label}{how}")
    if not row.codes():
        first, last = row.tick_cells[next(iter(row.ticks))], list(row.tick_cells.values())[-1]
        head = [f"# {TODO} : aucune case cochée dans le tableau ({first}:{last})"]
        note(f"{first}:{last}", "aucune case cochée : compétences à écrire")
        notes_only = [line.strip() for line in items]
        return [*head, *notes_only, "competences: []"]
    return ["competences:", *items]


def _document_lines(row: TableRow, note: _Note) -> list[str]:
    """Lines under the intitulé: online productions become entries, the rest comments."""
    productions: list[str] = []
    kept: list[str] = []
    lines: list[str] = []
    for line in row.documents:
        text = line.lstrip("–-•▸·* ").strip() or line
        match = URL.search(text)
        if match:
            title = text[: match.start()].strip(" :–-(") or match.group(0)
            productions += [f"  - titre: {scalar(title)}", f"    url: {scalar(match.group(0))}"]
            if text[match.end() :].strip(" .,;:!?()[]–-"):  # a remark, another address
                message = f"texte autour de l'adresse, gardé ici : {double_quoted(text)}"
                lines += comment_lines(note(row.title_cell, message))
        else:
            kept.append(text)
    if kept:
        lines += comment_lines(
            note(
                row.title_cell,
                f"{len(kept)} document(s) listé(s) sous l'intitulé, à relier à un fichier "
                "(fichier:) ou à une adresse (url:)",
            )
        )
    if productions or kept:
        lines.append("productions:" if productions else "# productions:")
        lines += productions
        for title in kept:
            lines += [
                f"#   - titre: {double_quoted(title)}",
                "#     fichier: productions/…   # le document dans le dossier",
            ]
    return lines
