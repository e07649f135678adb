"""Find the file a missing path probably meant: same name but for letter case or Unicode form.

Windows and macOS ignore letter case, macOS writes accented names decomposed
(NFD); the jury's Linux server does neither. A path that works on the
candidate's laptop can so name no file on the server. Only names are listed,
inside the dossier: a folder that leads outside is not looked into.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import PurePosixPath

from e4cli.dossier.fs import DossierFS, PathOutside
from e4cli.util.record import record

MAX_LISTED = 5_000  # names read from one folder; a larger folder is not searched
MAX_BRANCHES = 64  # folders looked into in all, when several names differ only by case


@record
class NearMiss:
    actual: str  # the existing file, relative to the dossier root
    case: bool  # the letter case differs
    normalisation: bool  # the Unicode form (NFC/NFD) differs

    def hint(self) -> str:
        """Say exactly what differs, name the file, and how to fix it."""
        differences = []
        if self.case:
            differences.append("la casse (majuscules/minuscules) diffère")
        if self.normalisation:
            if _is_nfc(self.actual):
                differences.append(
                    "le chemin écrit a ses accents décomposés (Unicode NFD) et pas le nom du "
                    "fichier (NFC) : les deux s'affichent pareil"
                )
            else:
                differences.append(
                    "le nom du fichier a ses accents décomposés (Unicode NFD, ce qu'écrit "
                    "macOS) et pas le chemin écrit (NFC) : les deux s'affichent pareil"
                )
        if self.normalisation:
            fix = (
                "renommez le fichier en retapant son nom, ou convertissez les noms : "
                f'convmv -f utf-8 -t utf-8 --nfc --notest "{self.actual}"'
            )
        else:
            fix = "écrivez exactement ce nom, ou renommez le fichier"
        return (
            f"Un fichier existe sous le nom « {self.actual} », mais {' et '.join(differences)}. "
            "Cela marche sur votre ordinateur (Windows et macOS ignorent cette différence), pas "
            f"sur le serveur Linux du jury : {fix}."
        )


class NameFinder:
    """Looks for near misses under a dossier root, caching each folder's listing."""

    def __init__(self, fs: DossierFS) -> None:
        self.fs = fs
        self._listings: dict[str, dict[str, list[str]]] = {}

    def find(self, raw: str) -> NearMiss | None:
        parts = [p for p in PurePosixPath(raw.replace("\\", "/")).parts if p not in ("", ".")]
        if not parts or ".." in parts or PurePosixPath(raw).is_absolute():
            return None
        actual = self._search([], parts, budget=[MAX_BRANCHES])
        if actual is None:
            return None
        case = any(_nfc(a) != _nfc(w) for a, w in zip(actual, parts, strict=True))
        form = any(_is_nfc(a) != _is_nfc(w) for a, w in zip(actual, parts, strict=True))
        if not (case or form):
            return None
        return NearMiss("/".join(actual), case, form)

    def _search(self, done: list[str], rest: list[str], budget: list[int]) -> list[str] | None:
        """Existing names for `rest` under `done`, the exact name tried first."""
        if not rest:
            return done
        budget[0] -= 1
        if budget[0] < 0:
            return None
        variants = self._listing("/".join(done)).get(_key(rest[0]), [])
        ordered = sorted(variants, key=lambda v: (v != rest[0], _nfc(v) != _nfc(rest[0]), v))
        for name in ordered:
            found = self._search([*done, name], rest[1:], budget)
            if found is not None:
                return found
        return None

    def _listing(self, folder: str) -> dict[str, list[str]]:
        if folder in self._listings:
            return self._listings[folder]
        listing: dict[str, list[str]] = {}
        try:
            real = self.fs.resolve(folder) if folder else self.fs.root
            with os.scandir(real) as entries:
                for count, entry in enumerate(entries):
                    if count >= MAX_LISTED:
                        break
                    listing.setdefault(_key(entry.name), []).append(entry.name)
        except (PathOutside, OSError):
            listing = {}
        for names in listing.values():
            names.sort()
        self._listings[folder] = listing
        return listing


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _key(name: str) -> str:
    return _nfc(name).casefold()


def _is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)
