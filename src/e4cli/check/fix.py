"""`e4 check --fix` and `--diff`: apply the fixes the rules computed, and nothing else.

A rule attaches a `Fix` to a finding when the change is mechanical and safe (re-encode a
Windows-1252 file, a date to ISO, an accented key to the known one, quotes around a
number that must stay text, a competency to its code). This module is the one place that
writes to the dossier, and only when asked:

- the edits replace the exact text the loader located (`Span`), so comments, order,
  quotes and spacing elsewhere stay as they are; an edit whose text is no longer there is
  skipped, never forced;
- fixing can reveal more (a re-encoded file is read for the first time): the dossier's
  text files are copied to a temporary folder, checked and fixed there, round after round,
  until nothing more applies; only then is each changed file written back, atomically,
  provided it did not change on disk meanwhile. `--diff` stops before writing.

Why edits at the loader's spans rather than a round-trip YAML library (ruamel.yaml):
the loader already knows where every key and value is written, and each fix replaces one
token; re-emitting the whole document would re-indent lists, re-flow long lines and
re-quote values the candidate wrote on purpose, and would need a second parser that could
read a file differently from the one `e4 check` judges.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from collections.abc import Iterable
from dataclasses import field
from pathlib import Path, PurePosixPath

from e4cli.dossier.fs import DossierFS, FileRefused, PathOutside
from e4cli.dossier.yamlsource import MAX_YAML_BYTES
from e4cli.rules.findings import Edit, Finding, Location
from e4cli.util.atomic import write_atomic
from e4cli.util.record import record

TEXT_SUFFIXES = (".yaml", ".yml", ".md", ".markdown")
SKIPPED_FOLDERS = frozenset({".git", ".hg", ".svn", ".venv", "node_modules", "__pycache__"})
MAX_FILES = 2000
MAX_ROUNDS = 4  # re-encoding, then the dates and keys it revealed; a few more for safety
BOM = b"\xef\xbb\xbf"


@record
class Change:
    """One fix applied: the finding it answers and what changed."""

    code: str
    where: Location
    summary: str


@record(frozen=False)
class FixReport:
    """What fixing one dossier did (or, with --diff, would do)."""

    changes: list[Change] = field(default_factory=list)
    skipped: list[Change] = field(default_factory=list)  # its text was no longer there
    before: dict[str, bytes] = field(default_factory=dict)
    after: dict[str, bytes] = field(default_factory=dict)  # only the files that change
    unwritten: list[str] = field(default_factory=list)  # changed on disk meanwhile

    @property
    def files(self) -> list[str]:
        return sorted(self.after)

    def diff(self, display: str) -> str:
        """A unified diff of every changed file, paths as seen from where e4 runs."""
        out: list[str] = []
        for rel in self.files:
            name = str(PurePosixPath(display.replace("\\", "/")) / rel)
            before = _shown(self.before[rel]).splitlines(keepends=True)
            after = _shown(self.after[rel]).splitlines(keepends=True)
            lines = list(difflib.unified_diff(before, after, f"a/{name}", f"b/{name}"))
            if not lines and self.before[rel] != self.after[rel]:  # the encoding alone changed
                lines = [f"--- a/{name}\n", f"+++ b/{name}\n", "@@ réencodé en UTF-8 @@\n"]
            out.extend(line if line.endswith("\n") else line + "\n" for line in lines)
        return "".join(out)


def _shown(data: bytes) -> str:
    """A file's text for the diff: UTF-8 when it is, else as Windows-1252 would show it."""
    for codec in (
        ("utf-8-sig", "utf-16")
        if data[:2] in (b"\xff\xfe", b"\xfe\xff")
        else (
            "utf-8-sig",
            "cp1252",
        )
    ):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace")


def apply(
    files: dict[str, bytes], findings: Iterable[Finding]
) -> tuple[dict[str, bytes], list[Change], list[Change]]:
    """The files with the findings' fixes applied: (new contents, applied, skipped).

    Re-encodings come first (they turn bytes into text); then, per file, the edits from
    the end backwards so that earlier positions stay true. An edit whose span no longer
    holds the text it was computed from, or that overlaps another, is skipped.
    """
    result = dict(files)
    applied: list[Change] = []
    skipped: list[Change] = []
    edits: dict[str, list[tuple[Edit, Finding]]] = {}
    for finding in findings:
        fix = finding.fix
        if fix is None:
            continue
        change = Change(finding.code, finding.location, fix.summary)
        if fix.reencode is not None and fix.encoding is not None:
            data = result.get(fix.reencode)
            text = _decode(data, fix.encoding) if data is not None else None
            if text is None:
                skipped.append(change)
                continue
            result[fix.reencode] = text.encode("utf-8")
            applied.append(change)
        for edit in fix.edits:
            edits.setdefault(edit.span.path, []).append((edit, finding))
    for path, pending in edits.items():
        data = result.get(path)
        if data is None:
            skipped.extend(Change(f.code, f.location, f.fix.summary) for _, f in pending if f.fix)
            continue
        bom = data.startswith(BOM)
        try:
            text = data[len(BOM) if bom else 0 :].decode("utf-8")
        except UnicodeDecodeError:
            skipped.extend(Change(f.code, f.location, f.fix.summary) for _, f in pending if f.fix)
            continue
        starts = _line_starts(text)
        placed: list[tuple[int, int, Edit, Finding]] = []
        for edit, finding in pending:
            span = edit.span
            bounds = _offsets(starts, text, span.line, span.column, span.end_line, span.end_column)
            if bounds is None or text[bounds[0] : bounds[1]] != span.text:
                assert finding.fix is not None
                skipped.append(Change(finding.code, finding.location, finding.fix.summary))
                continue
            placed.append((*bounds, edit, finding))
        placed.sort(key=lambda item: item[0], reverse=True)
        limit = len(text) + 1
        done: set[int] = set()
        for start, end, edit, finding in placed:
            assert finding.fix is not None
            change = Change(finding.code, finding.location, finding.fix.summary)
            if end > limit:  # overlaps the edit after it
                skipped.append(change)
                continue
            text = text[:start] + edit.new + text[end:]
            limit = start
            if id(finding) not in done:
                done.add(id(finding))
                applied.append(change)
        result[path] = (BOM if bom else b"") + text.encode("utf-8")
    return result, applied, skipped


def _decode(data: bytes, encoding: str) -> str | None:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None  # not what the guess says: left to the candidate
    return text[1:] if text.startswith("\ufeff") else text


def _line_starts(text: str) -> list[int]:
    starts = [0]
    index = text.find("\n")
    while index >= 0:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


def _offsets(
    starts: list[int], text: str, line: int, column: int, end_line: int, end_column: int
) -> tuple[int, int] | None:
    if line >= len(starts) or end_line >= len(starts):
        return None
    start, end = starts[line] + column, starts[end_line] + end_column
    return (start, end) if 0 <= start <= end <= len(text) else None


def text_files(fs: DossierFS) -> dict[str, bytes]:
    """The dossier's YAML and Markdown files, by path: what a fix may change.

    Walked without following links; a file that resolves out of the dossier, or is too
    large to be a dossier's text, is left out.
    """
    found: dict[str, bytes] = {}
    for folder, dirs, names in os.walk(fs.root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_FOLDERS and not d.startswith("."))
        for name in sorted(names):
            if not name.lower().endswith(TEXT_SUFFIXES) or name.startswith((".", "~$")):
                continue
            rel = Path(folder, name).relative_to(fs.root).as_posix()
            try:
                found[rel] = fs.read_bytes(fs.resolve(rel), MAX_YAML_BYTES)
            except (PathOutside, FileRefused, OSError):
                continue
            if len(found) >= MAX_FILES:
                return found
    return found


def fix_dossier(path: Path, display: str, *, write: bool) -> FixReport:
    """Fix one dossier (`write`) or say what fixing would change (--diff)."""
    from e4cli.check.pipeline import check_dossier

    fs = DossierFS(path)
    report = FixReport(before=text_files(fs))
    current = dict(report.before)
    with tempfile.TemporaryDirectory(prefix="e4-fix-") as tmp:
        copy = Path(tmp)
        for rel, data in current.items():
            target = copy / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        for _ in range(MAX_ROUNDS):
            checked = check_dossier(copy, display)
            fixes = [f for f in checked.findings if f.fix is not None]
            if not fixes:
                break
            changed, applied, skipped = apply(current, fixes)
            report.skipped.extend(skipped)
            if not applied:
                break
            report.changes.extend(applied)
            for rel, data in changed.items():
                if data != current.get(rel):
                    (copy / rel).write_bytes(data)
            current = changed
    report.changes.sort(key=lambda c: (c.where.path or "", c.where.line or 0, c.where.column or 0))
    report.after = {rel: data for rel, data in current.items() if data != report.before[rel]}
    if write:
        for rel, data in report.after.items():
            target = fs.resolve(rel)
            try:
                unchanged = fs.read_bytes(target, MAX_YAML_BYTES) == report.before[rel]
            except (FileRefused, OSError):
                unchanged = False
            if not unchanged:
                report.unwritten.append(rel)
                continue
            write_atomic(target, data)
    return report
