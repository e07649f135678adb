"""What opening the portfolio's address gave: plain data, shared by the probe and P004.

The network code (`online.py`) is imported only with `--online`; the rule that
words its outcome needs only these types.
"""

from __future__ import annotations

from enum import StrEnum

from e4cli.util.record import record

TIMEOUT = 8.0  # seconds, for name resolution, connection and each read
MAX_REDIRECTS = 5


class Outcome(StrEnum):
    OK = "ok"
    DNS = "dns"  # the name does not resolve
    PRIVATE = "private"  # the name resolves, or redirects, to a local or private host
    TIMEOUT = "timeout"
    CONNECTION = "connection"  # refused, reset, not HTTP
    TLS = "tls"  # certificate or handshake failure
    HTTP = "http"  # an error status (4xx, 5xx)
    REDIRECTS = "redirects"  # too many redirections, or a loop


@record
class Probe:
    outcome: Outcome
    url: str  # the last address tried
    status: int | None = None
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.OK


# ------------------------------------------------------------------ the crawl (P005–P008)


class Gate(StrEnum):
    """What stands between the commission and the portfolio (P005)."""

    SIGN_IN = "sign-in"  # a redirection to an identity provider's sign-in page
    STATUS = "status"  # 401 or 403
    REQUEST_ACCESS = "request-access"  # a Google Drive/Docs/Sites "request access" page
    NO_PAGES_SITE = "no-pages-site"  # GitHub Pages: "There isn't a GitHub Pages site here"
    UNPUBLISHED = "unpublished"  # Wix, WordPress…: site not published, or private


@record
class Blocked:
    gate: Gate
    url: str  # the page that showed it, or the sign-in address redirected to
    provider: str = ""  # "Google", "GitHub Pages", "Wix"…
    status: int | None = None


@record
class CrawledPage:
    url: str
    text: str  # the visible text, folded (case, accents, punctuation, spaces)
    fingerprint: str | None = None  # <meta name="e4-dossier">: built by `e4 site`


@record
class BrokenLink:
    target: str
    pages: tuple[str, ...]  # the crawled pages that link to it
    status: int | None = None
    detail: str = ""
    production: bool = False  # a production's address, outside the portfolio's site


@record
class Crawl:
    """The online portfolio as the commission browses it, within bounds."""

    start: str
    home: str | None = None  # the home page's address after redirections
    probe: Probe | None = None  # opening the home page (P004)
    blocked: Blocked | None = None  # (P005)
    pages: tuple[CrawledPage, ...] = ()
    broken: tuple[BrokenLink, ...] = ()
    stopped: str | None = None  # the bound that ended the crawl early (French), if any
