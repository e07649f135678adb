"""French typography for what a person reads, and words that depend on a number.

French puts a non-breaking space before « : », « ; », « ? », « ! » and « » » and after
« « »: a line never starts with a colon nor ends with an opening quote. `french` writes
those spaces as U+00A0; `wrap` breaks lines only at ordinary spaces, so a path, a code or
a quotation mark stays with its neighbour (a word longer than the line is left whole, not
cut). Machine formats (JSON, SARIF…) keep plain spaces: only terminal and document text
goes through here.
"""

from __future__ import annotations

import re
import textwrap

NBSP = "\u00a0"
# patterns, compiled by `re` on first use: a report with no message to word pays nothing
_BEFORE = r" +([:;?!»])(?=\s|$|[.,)])"
_AFTER = r"« +"

# by a severity's value (`Severity` is a StrEnum): no import of the rules to start e4 fast
SEVERITY_WORDS: dict[str, str] = {"error": "erreur", "warning": "avertissement", "info": "info"}


def severity_word(severity: str) -> str:
    """The French word of a severity, as every report prints it."""
    return SEVERITY_WORDS[severity]


def french(text: str) -> str:
    """`text` with non-breaking spaces where French typography wants them."""
    return re.sub(_AFTER, "«" + NBSP, re.sub(_BEFORE, NBSP + r"\1", text))


def plain(text: str) -> str:
    """`text` with its non-breaking spaces as plain ones (a terminal that cannot show them)."""
    return text.replace(NBSP, " ")


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters, broken only at ordinary spaces, never in a word."""
    if width < 20:
        width = 20
    return textwrap.wrap(french(text), width, break_long_words=False, break_on_hyphens=False) or [
        ""
    ]


def plural(count: int, word: str, plural_form: str | None = None) -> str:
    """`3 erreurs`, `1 avertissement`, `0 info`: the count and its word, agreed (French: 0 and
    1 take the singular)."""
    if count > 1:
        word = plural_form or " ".join(w + "s" for w in word.split())
    return f"{count} {word}"
