"""Property: no mutation of a valid dossier makes `e4 check` crash or exit 2.

Random mutations of a valid dossier (deleted keys, values of the wrong type,
bad bytes, random files, deleted files) always give a report and exit 0 or 1.
Bounded (60 examples) so that the suite stays fast; E4_PROPERTY_EXAMPLES=2000
explores more.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run_cli, tiny_pdf
from helpers_files import build

EXTRA: dict[str, str | bytes | None] = {
    "realisations/03-radius.yaml": (
        "intitule: Serveur RADIUS\ncadre: stage\nstage: stage2\n"
        "periode: {debut: 2027-01-12, fin: 2027-01-29}\ncompetences: [B1.5.2]\n"
        "modalite: equipe\ncontribution: La configuration.\n"
        "productions:\n  - titre: Procédure\n    fichier: productions/procedure.pdf\n"
        "  - titre: Dépôt\n    url: https://github.com/lea/radius\npage: portfolio/radius.md\n"
    ),
    "productions/procedure.pdf": tiny_pdf("Procédure"),
    "portfolio/radius.md": "# RADIUS\n\n![schéma](images/schema.png) [accueil](index.md)\n",
    "portfolio/images/schema.png": b"\x89PNG\r\n\x1a\n",
}
YAML_FILES = ["dossier.yaml", "realisations/01-glpi.yaml", "realisations/03-radius.yaml"]
ALL_FILES = [
    *YAML_FILES,
    "realisations/02-zabbix.yaml",
    "portfolio/index.md",
    "portfolio/radius.md",
    "attestations/stage1.pdf",
    "productions/procedure.pdf",
]

odd_text = st.sampled_from(
    [
        "",
        " ",
        "../../etc/passwd",
        "/etc/passwd",
        "C:\\Users\\lea\\x.pdf",
        "productions/\x00.pdf",
        "x" * 600,
        "é" * 300 + "/" + "a" * 300,
        "19/01/27",
        "2027-02-30",
        "http://localhost/",
        "portfolio/",
        "attestations/",
        "~$x.docx",
        "B9.9",
        "&a",
        "*a",
    ]
)
odd_value = st.one_of(
    odd_text,
    st.text(max_size=40),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)
name_chars = st.sampled_from([*"abcXYZé_-.~$ ", "\u0301", "ß", "İ"])
random_name = st.text(name_chars, min_size=1, max_size=12).filter(lambda n: n not in (".", ".."))


def paths_in(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path in plain YAML data."""
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths_in(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += paths_in(value, (*prefix, index))
    return found


def mutate_yaml(draw: st.DrawFn, raw: bytes) -> bytes:
    """One key deleted or one value replaced; files already broken are left as they are."""
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError):
        return raw
    paths = paths_in(data)
    if not paths:
        return raw
    path = draw(st.sampled_from(paths))
    parent = data
    for elem in path[:-1]:
        parent = parent[elem]
    if draw(st.booleans()):
        del parent[path[-1]]
    else:
        parent[path[-1]] = draw(odd_value)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


@st.composite
def mutation(draw: st.DrawFn) -> tuple[str, str, Any]:
    kind = draw(st.sampled_from(["yaml", "bytes", "new-file", "delete", "truncate"]))
    if kind == "yaml":
        return kind, draw(st.sampled_from(YAML_FILES)), None
    if kind == "bytes":
        return kind, draw(st.sampled_from(ALL_FILES)), draw(st.binary(min_size=1, max_size=8))
    if kind == "new-file":
        folder = draw(st.sampled_from(["", "realisations/", "portfolio/", "attestations/"]))
        suffix = draw(st.sampled_from([".yaml", ".md", ".pdf", ""]))
        return kind, folder + draw(random_name) + suffix, draw(st.binary(max_size=64))
    return kind, draw(st.sampled_from(ALL_FILES)), None


def apply(root: Path, change: tuple[str, str, Any], draw: st.DrawFn) -> None:
    kind, rel, payload = change
    path = root / rel
    if kind == "yaml" and path.is_file():
        path.write_bytes(mutate_yaml(draw, path.read_bytes()))
    elif kind == "bytes" and path.is_file():
        data = path.read_bytes()
        at = draw(st.integers(0, len(data)))
        path.write_bytes(data[:at] + payload + data[at:])
    elif kind == "new-file":
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_dir():
            path.write_bytes(payload)
    elif kind == "delete":
        path.unlink(missing_ok=True)
    elif kind == "truncate" and path.is_file():
        path.write_bytes(path.read_bytes()[: draw(st.integers(0, 40))])


@settings(
    max_examples=int(os.environ.get("E4_PROPERTY_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.data())
def test_mutated_dossiers_never_crash(data: st.DataObject) -> None:
    changes = data.draw(st.lists(mutation(), min_size=1, max_size=3))
    with tempfile.TemporaryDirectory() as tmp:
        root = build(Path(tmp) / "d", EXTRA)
        for change in changes:
            apply(root, change, data.draw)
        result = run_cli("check", "--format", "json", str(root))
        assert result.exit_code in (0, 1), result.output
        report = json.loads(result.stdout)
        assert report["ok"] is (result.exit_code == 0)
        text = run_cli("check", str(root))
        assert text.exit_code == result.exit_code
