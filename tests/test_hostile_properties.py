"""Generated hostile values: whatever a dossier holds, e4 answers with findings, never a crash.

Hypothesis writes hostile YAML scalars into the fields of a valid dossier, and hostile
names for its files, then checks the dossier in process, renders the JSON report and
the synthesis table (.xlsx, re-opened) and asserts the contract: every code is a
registered rule, every text e4 shows is safe (no control character, valid UTF-8), and
the outputs parse. Small by default; `E4_PROPERTY_EXAMPLES=500` explores more.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from e4cli.check.pipeline import check_dossier
from e4cli.report.json_report import render
from e4cli.rules.registry import RULES
from e4cli.table.model import build_table
from e4cli.table.xlsx import render as render_xlsx
from e4cli.util.safetext import is_safe

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "examples" / "sisr-complet"
REAL = "realisations/01-glpi-inventaire.yaml"
EXAMPLES = int(os.environ.get("E4_PROPERTY_EXAMPLES", "25"))

_ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
_HOSTILE_PIECES = st.sampled_from(
    [
        "\x1b[2J",
        "\x1b]8;;https://evil.example\x1b\\",
        "\x00",
        "\x01\x02",
        "\ufffe",
        "\u202e",
        "[/]",
        "[link=https://x.example]v[/link]",
        "![p](https://evil.example/p.png)",
        '=HYPERLINK("https://x")',
        "%0A::error::x",
        "\n::add-mask::x",
        "0x" + "f" * 5000,
        "9999-12-31",
        "0001-01-01",
        "!!binary aGVsbG8=",
        "&a [*a]",
        "{",
        ": :",
        "é" * 3000,
    ]
)
HOSTILE = st.one_of(_ANY_TEXT, _HOSTILE_PIECES, st.lists(_HOSTILE_PIECES, max_size=4).map("".join))


def _quoted(value: str) -> str:
    """`value` as a YAML double-quoted scalar: any character, escaped."""
    return json.dumps(value)  # a JSON string is a valid YAML double-quoted scalar


FIELDS = {
    "intitule": (REAL, "intitule:"),
    "nom": ("dossier.yaml", "  nom:"),
    "debut": (REAL, "  debut:"),
    "organisation": ("dossier.yaml", "  - id: stage1\n    organisation:"),
}


def _dossier(tmp: Path) -> Path:
    dossier = tmp / "d"
    shutil.copytree(BASE, dossier)
    return dossier


def _set(dossier: Path, field: str, raw: str) -> None:
    rel, prefix = FIELDS[field]
    path = dossier / rel
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    head = prefix.split("\n")[-1]
    for index, line in enumerate(lines):
        if line.startswith(head) and (
            "\n" not in prefix or lines[index - 1] == prefix.split("\n")[0]
        ):
            lines[index] = f"{head} {raw}"
            break
    path.write_text("\n".join(lines), encoding="utf-8")


def _contract(dossier: Path) -> None:
    checked = check_dossier(dossier)
    for finding in checked.findings:
        assert finding.code in RULES
        assert finding.severity is RULES[finding.code].severity
        for text in (finding.message, finding.hint or "", finding.location.path or ""):
            assert is_safe(text), text
    report = render([checked])
    json.loads(report)
    report.encode("utf-8")
    if checked.dossier is not None:
        workbook = render_xlsx(build_table(checked.dossier))
        load_workbook(io.BytesIO(workbook))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(field=st.sampled_from(sorted(FIELDS)), value=HOSTILE, quoted=st.booleans())
def test_a_hostile_value_in_any_field_gives_findings_never_a_crash(
    field: str, value: str, quoted: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        dossier = _dossier(Path(tmp))
        raw = _quoted(value) if quoted or "\n" in value else value
        _set(dossier, field, raw)
        _contract(dossier)


NAMES = st.one_of(
    st.binary(min_size=1, max_size=60).filter(lambda b: b"/" not in b and b"\x00" not in b),
    st.text(min_size=1, max_size=60).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.just("é".encode() * 80),  # 160 bytes of a 2-byte character: near the 255-byte limit
    st.just("e\u0301te\u0301".encode()),  # NFD
)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(name=NAMES)
def test_a_hostile_file_name_gives_findings_never_a_crash(name: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        dossier = _dossier(Path(tmp))
        source = os.fsencode(dossier / REAL)
        target = os.fsencode(dossier / "realisations") + b"/" + name[:200] + b".yaml"
        if name in (b".", b".."):
            return
        try:
            os.rename(source, target)  # noqa: PTH104 (a bytes name)
        except (OSError, ValueError):  # ValueError: a NUL byte, which no file name holds
            return  # a name this file system refuses: nothing to check
        _contract(dossier)
