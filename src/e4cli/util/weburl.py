"""Is a portfolio address one the jury can open? Judged from its text alone, no network.

It must be an absolute `http(s)` address whose host is a public name or
address: not `localhost`, not a private, loopback or link-local IP, not a bare
machine name or a local-network suffix (`.local`, `.lan`…), which only the
candidate's own network knows.

Testing seam: when the environment variable E4_TEST_ALLOW_LOOPBACK is "1",
loopback hosts (`localhost`, 127.0.0.0/8, ::1) are accepted, so that the test
suite can check `e4 check --online` against an HTTP server it starts on
127.0.0.1. Other private addresses stay refused. It is meant for tests only.
"""

from __future__ import annotations

import ipaddress
import os
import re
from urllib.parse import urlsplit

from e4cli.util.record import record

LOOPBACK_ENV = "E4_TEST_ALLOW_LOOPBACK"

_LOCAL_SUFFIXES = (
    ".local",
    ".localdomain",
    ".lan",
    ".home",
    ".home.arpa",
    ".internal",
    ".intranet",
    ".corp",
    ".private",
    ".test",
    ".example",
    ".invalid",
)
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_NUMERIC_HOST = re.compile(r"^(0x[0-9a-f]+|[0-9]+)(\.(0x[0-9a-f]+|[0-9]+))*\.?$")


@record
class UrlVerdict:
    """`reason` (French) says what is wrong, None when the address is usable."""

    reason: str | None = None
    hint: str | None = None

    @property
    def ok(self) -> bool:
        return self.reason is None


_WEB_SCHEME = re.compile(r"^(https?|ftp)://", re.IGNORECASE)


def is_web_address(text: str) -> bool:
    """True for `https://…` written where a path in the dossier is expected."""
    return bool(_WEB_SCHEME.match(text.strip()))


def loopback_allowed() -> bool:
    return os.environ.get(LOOPBACK_ENV) == "1"


def check_url(url: str) -> UrlVerdict:
    text = url.strip()
    if any(ch.isspace() or not ch.isprintable() for ch in text):
        return UrlVerdict(
            "elle contient des espaces ou des caractères invisibles",
            "Copiez l'adresse depuis la barre du navigateur ; un espace s'écrit %20.",
        )
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return UrlVerdict("elle est mal formée (crochets ou port invalides)", _EXAMPLE)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        if not parts.scheme or "." in parts.scheme:
            return UrlVerdict(
                "elle ne commence pas par https://", f"Écrivez l'adresse complète : https://{text}"
            )
        return UrlVerdict(f"ce n'est pas une adresse web (schéma « {parts.scheme}: »)", _EXAMPLE)
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return UrlVerdict("elle n'a pas de nom de site après « // »", _EXAMPLE)
    if port == 0:
        return UrlVerdict("son port 0 n'existe pas", _EXAMPLE)
    return _check_host(host)


_EXAMPLE = "Une adresse de portfolio ressemble à https://prenom-nom.github.io/portfolio/"


def _check_host(host: str) -> UrlVerdict:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if address is not None:
        return _check_address(address)
    if _NUMERIC_HOST.match(host):
        return UrlVerdict(f"« {host} » n'est pas une adresse IP valide", _EXAMPLE)
    if host == "localhost" or host.endswith(".localhost"):
        if loopback_allowed():
            return UrlVerdict()
        return UrlVerdict(
            f"« {host} » désigne votre propre ordinateur, que le jury ne voit pas",
            "Publiez le portfolio (GitHub Pages, GitLab Pages, hébergeur) et donnez son adresse.",
        )
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return UrlVerdict(f"le nom de site « {host} » est mal formé", _EXAMPLE)
    labels = ascii_host.split(".")
    if not all(_LABEL.match(label) for label in labels):
        return UrlVerdict(f"le nom de site « {host} » est mal formé", _EXAMPLE)
    if len(labels) < 2:
        return UrlVerdict(
            f"« {host} » est un nom de machine du réseau local, inconnu hors de celui-ci",
            "Donnez l'adresse publique complète du portfolio, avec son domaine (.fr, .io…).",
        )
    if ascii_host.endswith(_LOCAL_SUFFIXES):
        return UrlVerdict(
            f"« {host} » est un nom réservé au réseau local ou aux essais, introuvable sur "
            "Internet",
            "Donnez l'adresse publique du portfolio, celle que le jury ouvrira.",
        )
    return UrlVerdict()


def _check_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> UrlVerdict:
    if address.is_loopback:
        if loopback_allowed():
            return UrlVerdict()
        return UrlVerdict(
            f"{address} désigne votre propre ordinateur, que le jury ne voit pas",
            "Publiez le portfolio et donnez son adresse publique.",
        )
    if address_is_public(address):
        return UrlVerdict()
    return UrlVerdict(
        f"{address} est une adresse de réseau privé ou réservée, inaccessible depuis Internet",
        "Publiez le portfolio sur un hébergement public et donnez cette adresse.",
    )


def address_is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """An address anyone on the Internet can reach (loopback only through the test seam)."""
    if address.is_loopback:
        return loopback_allowed()
    return not (
        address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


# An address written in free text: any scheme followed by "//", or an http(s) scheme
# mistyped ("http:/x", "htps://", "https//"), up to a space or a closing bracket.
_IN_TEXT = re.compile(
    r"(?<![\w/])(?:[A-Za-z][A-Za-z0-9+.-]*://|h?tt?p?s?:/(?!/)|https?//)[^\s<>()\[\]{}\"'`]*",
)
_TRAILING = ".,;:!?»"
_HTTP_LIKE = re.compile(r"^(h?tt?p?s?)(:/{0,3}|//)", re.IGNORECASE)


def find_addresses(text: str) -> list[tuple[str, int]]:
    """The web addresses written in `text`, with their offset: the URLs a reader would click.

    Only what looks meant for a browser is kept: http(s) addresses, and the usual
    mistypings of one; `ssh://`, `smb://` and other schemes are left as written.
    """
    found: list[tuple[str, int]] = []
    for match in _IN_TEXT.finditer(text):
        url = match.group(0).rstrip(_TRAILING)
        scheme = re.match(r"^[A-Za-z][A-Za-z0-9+.-]*", url)
        name = scheme.group(0).lower() if scheme else ""
        if name in ("http", "https") or (
            _HTTP_LIKE.match(url) and name not in ("ftp", "ftps", "sftp", "ssh")
        ):
            found.append((url, match.start()))
    return found


def address_form(url: str) -> UrlVerdict:
    """Whether `url` is a well-formed http(s) address; unlike `check_url`, a private host
    (a lab machine the candidate brings to the exam) is accepted."""
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return UrlVerdict("elle est mal formée (crochets ou port invalides)", _ADDRESS)
    if parts.scheme.lower() not in ("http", "https") or not text.lower().startswith(
        parts.scheme.lower() + "://"
    ):
        return UrlVerdict("elle ne commence pas par http:// ou https://", _ADDRESS)
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return UrlVerdict("elle n'a pas de nom de site après « // »", _ADDRESS)
    if port == 0:
        return UrlVerdict("son port 0 n'existe pas", _ADDRESS)
    try:
        ipaddress.ip_address(host)
        return UrlVerdict()
    except ValueError:
        pass
    if _NUMERIC_HOST.match(host):
        return UrlVerdict(f"« {host} » n'est pas une adresse IP valide", _ADDRESS)
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return UrlVerdict(f"le nom de site « {host} » est mal formé", _ADDRESS)
    if not all(_LABEL.match(label) for label in ascii_host.split(".")):
        return UrlVerdict(f"le nom de site « {host} » est mal formé", _ADDRESS)
    return UrlVerdict()


_ADDRESS = "Une adresse s'écrit en entier, par exemple https://gitlab.com/prenom-nom/projet"
