"""The header lines of a filled table: "NOM et prénom", "N° candidat", session.

Values are read the way candidates fill them: after the label's colon in the
same cell ("NOM et prénom : DURAND Camille"), or in the next cells of the same
line when the label cell holds the label alone.
"""

from __future__ import annotations

import re

from e4cli.util.record import record

_NUMERO = re.compile(r"^[0-9A-Za-z]{4,20}$")
_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
# An address ends before the punctuation that follows it in a sentence: "(https://a.fr)."
URL = re.compile(r"https?://[^\s<>\"']*[^\s<>\"'.,;:!?)\]]", re.IGNORECASE)


@record
class Name:
    nom: str | None
    prenom: str | None
    note: str | None = None


def after_label(text: str, label_words: int) -> str:
    """What follows the label in a cell: after its colon, else after its words."""
    url = URL.search(text)
    head = text[: url.start()] if url else text  # a URL has a colon of its own
    if ":" in head:
        return text[head.index(":") + 1 :].strip()
    if url:
        return text[url.start() :].strip()
    parts = text.split(maxsplit=label_words)
    return parts[label_words].strip() if len(parts) > label_words else ""


def split_name(text: str) -> Name:
    """NOM and prénom from "DURAND Camille", the official order (NOM in capitals first)."""
    words = text.split()
    if not words:
        return Name(None, None)
    upper = [any(c.isalpha() for c in w) and w == w.upper() for w in words]
    if len(words) == 1:
        return Name(words[0], None, f"« {text.strip()} » : un seul mot, le prénom manque")
    lead = next((i for i, u in enumerate(upper) if not u), len(words))
    if 0 < lead < len(words):
        return Name(" ".join(words[:lead]), " ".join(words[lead:]))
    trail = next((i for i in range(len(words) - 1, -1, -1) if not upper[i]), -1) + 1
    if 0 < trail < len(words):  # "Camille DURAND": the capitals still name the NOM
        return Name(" ".join(words[trail:]), " ".join(words[:trail]))
    return Name(
        words[0],
        " ".join(words[1:]),
        f"« {text.strip()} » : NOM et prénom séparés au premier mot, à vérifier",
    )


def read_numero(value: object) -> tuple[str | None, str | None]:
    """The candidate number as a string, and a note when it needs checking."""
    if isinstance(value, bool) or value is None:
        return None, None
    if isinstance(value, int | float):
        number = str(int(value)) if float(value).is_integer() else str(value)
        note = f"numéro candidat lu comme un nombre ({number}) : vérifiez les zéros de tête"
        return (number if _NUMERO.match(number) else None), note
    text = str(value).strip()
    compact = re.sub(r"[\s.\-]", "", text)
    if not compact:
        return None, None
    if _NUMERO.match(compact):
        return compact, None
    return None, f"numéro candidat « {text} » non compris (4 à 20 chiffres ou lettres)"


def read_year(text: str) -> int | None:
    """The session's year: "SESSION 2025"; of "SESSION 2024/2025", the later one."""
    years = [int(m.group(1)) for m in _YEAR.finditer(text)]
    return max(years) if years else None


_BARE_URL = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?$", re.IGNORECASE)


def read_portfolio(text: str) -> tuple[str | None, str | None]:
    """The portfolio's address and a note: an address without its scheme is completed."""
    text = text.strip()
    match = URL.search(text)
    if match and match.group(0) == text:
        return text, None
    if match:  # "http: https://…", "lien : https://…"
        return match.group(0), (
            f"adresse du portfolio lue dans « {text} » : {match.group(0)}, à vérifier"
        )
    if _BARE_URL.match(text) and "." in text:
        url = "https://" + text
        return url, f"adresse du portfolio « {text} » sans « https:// » : lue {url}, à vérifier"
    return None, f"adresse du portfolio « {text} » non comprise (attendu http(s)://…)"
