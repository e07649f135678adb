"""Text comparisons that ignore case, accents and spacing, and "did you mean"."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower case, no accents, apostrophes unified, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace("’", "'").replace("œ", "oe").replace("Œ", "oe")
    return " ".join(bare.casefold().split())


def nearest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate closest to `word`, comparing folded forms."""
    by_fold: dict[str, str] = {}
    for candidate in candidates:
        by_fold.setdefault(fold(candidate), candidate)
    folded = fold(word)
    if folded in by_fold:
        return by_fold[folded]
    match = difflib.get_close_matches(folded, list(by_fold), n=1, cutoff=cutoff)
    return by_fold[match[0]] if match else None


def only_match(word: str, candidates: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The one candidate `word` can only mean: equal but for case and accents, or the single
    close one (no other above `cutoff`). None when there is none, or a choice to make."""
    by_fold: dict[str, str] = {}
    for candidate in candidates:
        by_fold.setdefault(fold(candidate), candidate)
    folded = fold(word)
    if folded in by_fold:
        return by_fold[folded]
    matches = difflib.get_close_matches(folded, list(by_fold), n=2, cutoff=cutoff)
    return by_fold[matches[0]] if len(matches) == 1 else None


_NOT_WORD = re.compile(r"[\W_]+")


def words(text: str) -> str:
    """`fold`, every run of punctuation a space: "Léa MARTIN-Le Goff" → "lea martin le goff".

    For "does this text name that": compare ` {words(name)} ` inside ` {words(text)} `.
    """
    return " ".join(_NOT_WORD.sub(" ", fold(text)).split())


def contains_words(haystack: str, needle: str) -> bool:
    """True when the words of `needle` appear in a row in `haystack`, both already `words`."""
    return bool(needle) and f" {needle} " in f" {haystack} "
