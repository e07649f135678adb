"""Browse the online portfolio as the commission will: used by `e4 check --online` only.

From `portfolio.url`, the home page is opened with every redirection judged
before it is followed: one that leads to an identity provider's sign-in
(Google, Microsoft, GitHub, GitLab, Notion…) is never followed, the
portfolio is behind a sign-in (P005). The home page itself may be a wall: a
401/403, a Google Drive "request access" page, GitHub Pages' "There isn't a
GitHub Pages site here", a Wix or WordPress site not published or private.

Then the pages of the same site under the same path are read, links followed,
a few requests at a time, within bounds: MAX_PAGES pages, MAX_DEPTH links away
from the home page, MAX_PAGE_BYTES per page, MAX_TOTAL_BYTES in all and
TOTAL_SECONDS for the whole crawl. Each page gives its visible text (P006), its
`e4-dossier` fingerprint if `e4 site` built it (P008) and its links (P007).
A link to the same site outside the portfolio's path, or to a file, is only
asked for its status (HEAD, then GET without reading the body). No other host
is ever contacted, except the productions the dossier declares by address,
asked the same way. Every host must resolve to a public address (see
`e4cli.util.weburl` for the loopback test seam).
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Collection
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import field
from email.message import Message
from html.parser import HTMLParser
from posixpath import splitext
from typing import ClassVar
from urllib.parse import urldefrag, urljoin, urlsplit, urlunsplit

from e4cli.check import online
from e4cli.check.probe import (
    MAX_REDIRECTS,
    TIMEOUT,
    Blocked,
    BrokenLink,
    Crawl,
    CrawledPage,
    Gate,
    Outcome,
    Probe,
)
from e4cli.util.record import record
from e4cli.util.textnorm import fold, words
from e4cli.util.weburl import check_url

MAX_PAGES = 200
MAX_DEPTH = 10
MAX_CHECKS = 300  # links asked for their status only
MAX_PAGE_BYTES = 2 << 20
MAX_TOTAL_BYTES = 40 << 20
TOTAL_SECONDS = 30.0
WORKERS = 4
MAX_TEXT = 200_000  # characters of text kept per page

_PAGE_SUFFIXES = {"", ".html", ".htm", ".xhtml", ".php", ".asp", ".aspx", ".jsp"}


@record
class Bounds:
    pages: int = MAX_PAGES
    depth: int = MAX_DEPTH
    checks: int = MAX_CHECKS
    page_bytes: int = MAX_PAGE_BYTES
    total_bytes: int = MAX_TOTAL_BYTES
    seconds: float = TOTAL_SECONDS
    timeout: float = TIMEOUT
    workers: int = WORKERS


def crawl(url: str, productions: Collection[str] = (), bounds: Bounds | None = None) -> Crawl:
    """Open `url` and browse its site; `productions`: the addresses the dossier declares."""
    return _Crawler(url, productions, bounds or Bounds()).run()


# ------------------------------------------------------------------ HTTP


@record(frozen=False)
class _Answer:
    url: str
    status: int | None = None
    headers: Message | None = None
    body: bytes = b""
    failure: Probe | None = None

    def header(self, name: str) -> str:
        return (self.headers.get(name) if self.headers is not None else None) or ""

    @property
    def html(self) -> bool:
        kind = self.header("Content-Type").split(";")[0].strip().lower()
        return kind in ("text/html", "application/xhtml+xml") or (not kind and bool(self.body))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # every redirection is judged by the crawler before it is followed


_OPENER = urllib.request.build_opener(_NoRedirect())


class _Net:
    """Requests with a deadline, every host checked to be public before it is contacted."""

    def __init__(self, bounds: Bounds) -> None:
        self.bounds = bounds
        self.deadline = time.monotonic() + bounds.seconds
        self.hosts: dict[str, Probe | None] = {}
        self.bytes = 0

    def left(self) -> float:
        return self.deadline - time.monotonic()

    def fetch(self, url: str, method: str = "GET", read: int = 0) -> _Answer:
        """One request, no redirection followed; `read`: at most that many body bytes."""
        refused = self._host(url)
        if refused is not None:
            return _Answer(url, failure=Probe(refused.outcome, url, detail=refused.detail))
        timeout = max(0.5, min(self.bounds.timeout, self.left()))
        request = urllib.request.Request(
            url,
            method=method,
            headers={"User-Agent": online.USER_AGENT, "Accept": "text/html,*/*;q=0.8"},
        )
        try:
            with _OPENER.open(request, timeout=timeout) as response:
                body = self._read(response, read) if read else b""
                return _Answer(response.geturl(), response.status, response.headers, body)
        except urllib.error.HTTPError as exc:
            try:
                body = self._read(exc, min(read, 256 << 10)) if read else b""
            except (OSError, http.client.HTTPException):
                body = b""
            finally:
                exc.close()
            return _Answer(url, exc.code, exc.headers, body)
        except urllib.error.URLError as exc:
            return _Answer(url, failure=online._network_failure(url, exc.reason))
        except (OSError, http.client.HTTPException, ValueError) as exc:
            return _Answer(url, failure=online._network_failure(url, exc))

    def _read(self, response: object, limit: int) -> bytes:
        """At most `limit` bytes, in chunks, stopping at the deadline (a trickling server)."""
        chunks: list[bytes] = []
        size = 0
        reader = getattr(response, "read", None)
        if reader is None:
            return b""
        while size < limit and self.left() > 0:
            try:
                chunk = reader(min(64 << 10, limit - size))
            except TimeoutError:
                break
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        self.bytes += size
        return b"".join(chunks)

    def _host(self, url: str) -> Probe | None:
        host = urlsplit(url).hostname or ""
        if host not in self.hosts:
            if online._proxied(url):
                self.hosts[host] = None
            else:
                self.hosts[host] = online._resolve(host, min(self.bounds.timeout, 5.0))
        return self.hosts[host]


# ------------------------------------------------------------------ the walls (P005)


_SIGN_IN_HOSTS = {
    "accounts.google.com": "Google",
    "login.microsoftonline.com": "Microsoft",
    "login.live.com": "Microsoft",
    "login.microsoft.com": "Microsoft",
    "login.windows.net": "Microsoft",
    "www.notion.so": "Notion",
    "notion.so": "Notion",
    "www.notion.com": "Notion",
    "notion.com": "Notion",
}
_SIGN_IN_PATHS = (
    "/login",
    "/signin",
    "/sign-in",
    "/sign_in",
    "/session",
    "/users/sign_in",
    "/users/auth",
    "/oauth",
    "/authorize",
    "/saml",
    "/sso",
    "/cas/login",
    "/servicelogin",
    "/auth/",
)


def sign_in_provider(location: str, origin: str) -> str | None:
    """The identity provider a redirection to `location` leads to, None if it is not a sign-in."""
    parts = urlsplit(location)
    host = (parts.hostname or "").lower()
    path = parts.path.lower()
    if host in _SIGN_IN_HOSTS:
        return _SIGN_IN_HOSTS[host]
    if host.endswith((".okta.com", ".auth0.com", ".onelogin.com")):
        return "un service d'authentification"
    if host in ("github.com", "www.github.com") and path.startswith(("/login", "/session")):
        return "GitHub"
    if path.startswith(("/users/sign_in", "/users/auth")):
        return "GitLab"
    if _origin(location) != origin and path.startswith(_SIGN_IN_PATHS):
        return "un service de connexion"
    return None


_REQUEST_ACCESS = (
    "demander l'acces",
    "vous devez disposer d'une autorisation",
    "vous avez besoin d'une autorisation",
    "vous avez besoin d'un acces",
    "request access",
    "you need access",
    "you need permission",
)
_GOOGLE = ("google drive", "google docs", "google sites", "google slides", "google doc")
_NO_PAGES_SITE = ("there isn't a github pages site here", "there is not a github pages site here")
_UNPUBLISHED = (
    ("Wix", ("this site isn't published", "this site is not published", "site not published",
             "ce site n'est pas encore publie", "ce site n'est pas publie")),
    ("Wix", ("looks like this domain isn't connected to a website yet",)),
    ("WordPress", ("this site is private", "ce site est prive", "private site",
                   "site prive", "this site is currently private",
                   "ce site est actuellement prive", "this site is coming soon")),
)


def wall(answer: _Answer) -> Blocked | None:
    """The home page is a wall rather than the portfolio (P005)."""
    if answer.status in (401, 403):
        return Blocked(Gate.STATUS, answer.url, status=answer.status)
    text = fold(_visible(answer.body)[0]) if answer.body else ""
    host = (urlsplit(answer.url).hostname or "").lower()
    if answer.status == 404 and any(p in text for p in _NO_PAGES_SITE):
        return Blocked(Gate.NO_PAGES_SITE, answer.url, "GitHub Pages", 404)
    google = host.endswith(("drive.google.com", "docs.google.com", "sites.google.com")) or any(
        g in text for g in _GOOGLE
    )
    if google and any(p in text for p in _REQUEST_ACCESS):
        return Blocked(Gate.REQUEST_ACCESS, answer.url, "Google", answer.status)
    for provider, phrases in _UNPUBLISHED:
        if any(p in text for p in phrases):
            return Blocked(Gate.UNPUBLISHED, answer.url, provider, answer.status)
    return None


# ------------------------------------------------------------------ pages


class _PageParser(HTMLParser):
    _HIDDEN = frozenset({"script", "style", "template", "noscript", "head"})
    _LINKED: ClassVar[dict[str, str]] = {
        "a": "href",
        "area": "href",
        "img": "src",
        "iframe": "src",
        "embed": "src",
        "source": "src",
        "video": "src",
        "audio": "src",
        "object": "data",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.links: list[str] = []
        self.fingerprint: str | None = None
        self.base: str | None = None
        self.title: list[str] = []
        self._hidden = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag in self._HIDDEN:
            self._hidden += 1
        if tag == "title":
            self._in_title = True
        elif tag == "meta" and values.get("name", "").lower() == "e4-dossier":
            self.fingerprint = values.get("content", "").strip() or None
        elif tag == "base" and self.base is None and values.get("href"):
            self.base = values["href"]
        attr = self._LINKED.get(tag)
        if attr and values.get(attr):
            self.links.append(values[attr].strip())
        if tag == "img" and values.get("alt"):
            self.text.append(values["alt"])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN and self._hidden:
            self._hidden -= 1
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            self.text.append(data)


def _decode(body: bytes, headers: Message | None) -> str:
    charset = headers.get_content_charset() if headers is not None else None
    for encoding in (charset, "utf-8", "cp1252"):
        if encoding:
            try:
                return body.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    return body.decode("utf-8", "replace")


def _visible(body: bytes, headers: Message | None = None) -> tuple[str, _PageParser]:
    parser = _PageParser()
    try:
        parser.feed(_decode(body, headers))
        parser.close()
    except (AssertionError, ValueError):  # html.parser on badly broken markup
        pass  # what was read before the break is kept
    return " ".join([*parser.title, *parser.text]), parser


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _clean(url: str) -> str:
    """The address without its fragment, its scheme and host in lower case."""
    bare, _ = urldefrag(url)
    parts = urlsplit(bare)
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, "")
    )


def production_key(url: str) -> str:
    return _clean(url.strip()).rstrip("/")


# ------------------------------------------------------------------ the crawl


@record(frozen=False)
class _Link:
    target: str
    page: str
    depth: int


@record(frozen=False)
class _Visited:
    """What a worker thread brings back: a page to read, or why the link is broken."""

    page: _Answer | None = None
    broken: tuple[int | None, str] | None = None
    timed_out: bool = False  # no answer in time: the site's fault, or the crawl's deadline


@record(frozen=False)
class _State:
    pages: list[CrawledPage] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    referrers: dict[str, list[str]] = field(default_factory=dict)
    broken: dict[str, BrokenLink] = field(default_factory=dict)
    fetched: int = 0
    checked: int = 0
    stopped: str | None = None


class _Crawler:
    def __init__(self, url: str, productions: Collection[str], bounds: Bounds) -> None:
        self.start = url.strip()
        self.productions = {production_key(p) for p in productions}
        self.bounds = bounds
        self.net = _Net(bounds)
        self.state = _State()
        self.origin = ""
        self.scope = ""
        self._queue: list[_Link] = []

    def run(self) -> Crawl:
        home, probe, blocked = self._open_home()
        if home is None or blocked is not None:
            return Crawl(self.start, probe=probe, blocked=blocked)
        self.origin = _origin(home.url)
        path = urlsplit(home.url).path or "/"
        self.scope = path[: path.rfind("/") + 1]
        state = self.state
        state.seen.add(_clean(home.url))
        state.fetched = 1
        self._read_page(home, 0)
        self._walk()
        return Crawl(
            self.start,
            home.url,
            probe,
            None,
            tuple(state.pages),
            tuple(state.broken.values()),
            state.stopped,
        )

    def _open_home(self) -> tuple[_Answer | None, Probe, Blocked | None]:
        url = self.start
        origin = _origin(url)
        for _ in range(MAX_REDIRECTS + 1):
            answer = self.net.fetch(url, read=self.bounds.page_bytes)
            if answer.failure is not None:
                return None, answer.failure, None
            status = answer.status or 0
            if 300 <= status < 400 and answer.header("Location"):
                target = urljoin(url, answer.header("Location"))
                provider = sign_in_provider(target, origin)
                if provider is not None:
                    signin = Blocked(Gate.SIGN_IN, target, provider, status)
                    return None, Probe(Outcome.OK, url, status), signin
                verdict = check_url(target)
                if not verdict.ok:
                    detail = f"redirection vers {target} : {verdict.reason}"
                    return None, Probe(Outcome.PRIVATE, target, detail=detail), None
                url, origin = target, _origin(target)
                continue
            blocked = wall(answer)
            if blocked is not None:
                return None, Probe(Outcome.OK, url, status), blocked
            if status >= 300:
                return None, Probe(Outcome.HTTP, url, status, _reason(status)), None
            return answer, Probe(Outcome.OK, answer.url, status), None
        return None, Probe(Outcome.REDIRECTS, url, None, "trop de redirections"), None

    # ---- the walk: requests in worker threads, everything else in this one

    def _walk(self) -> None:
        state, bounds = self.state, self.bounds
        pending = self._queue
        running: dict[Future[_Visited], _Link] = {}
        pool = ThreadPoolExecutor(bounds.workers, thread_name_prefix="e4-crawl")
        try:
            while pending or running:
                while pending and len(running) < bounds.workers and state.stopped is None:
                    if self.net.left() <= 0:
                        state.stopped = f"durée de {bounds.seconds:g} s atteinte"
                    elif self.net.bytes >= bounds.total_bytes:
                        state.stopped = f"{bounds.total_bytes >> 20} Mo lus"
                    else:
                        link = pending.pop(0)
                        job = self._job(link)
                        if job is not None:
                            running[pool.submit(job, link)] = link
                if not running:
                    break
                done, _ = wait(
                    running,
                    timeout=max(0.1, self.net.left() + bounds.timeout),
                    return_when=FIRST_COMPLETED,
                )
                if not done:  # every request overran its own timeout: stop waiting
                    state.stopped = state.stopped or f"durée de {bounds.seconds:g} s atteinte"
                    break
                for future in done:
                    self._settle(running.pop(future), future.result())
        finally:
            # past a bound, requests still running end by their own timeout, unawaited
            pool.shutdown(wait=state.stopped is None, cancel_futures=True)

    def _job(self, link: _Link) -> Callable[[_Link], _Visited] | None:
        """The request to make for `link`, or None when a bound says not to."""
        state, bounds = self.state, self.bounds
        if self._in_scope(link.target) and self._is_page(link.target):
            if link.depth > bounds.depth:
                return None
            if state.fetched >= bounds.pages:
                state.stopped = state.stopped or f"{bounds.pages} pages lues"
                return None
            state.fetched += 1
            return self._visit
        if state.checked >= bounds.checks:
            return None
        state.checked += 1
        return self._check

    def _visit(self, link: _Link) -> _Visited:
        """GET a page of the portfolio, following redirections inside it (worker thread)."""
        url = link.target
        for _ in range(MAX_REDIRECTS + 1):
            answer = self.net.fetch(url, read=self.bounds.page_bytes)
            if answer.failure is not None:
                return _failed(answer.failure)
            status = answer.status or 0
            if 300 <= status < 400 and answer.header("Location"):
                target = _clean(urljoin(url, answer.header("Location")))
                if not (self._in_scope(target) and self._is_page(target)):
                    return _Visited()  # it leads elsewhere: it answers, not the portfolio's
                url = target
                continue
            if status >= 400:
                return _Visited(broken=(status, _reason(status)))
            return _Visited(answer if answer.html else None)
        return _Visited(broken=(None, "trop de redirections"))

    def _check(self, link: _Link) -> _Visited:
        """Does `link` answer? HEAD, then GET without reading the body (worker thread)."""
        answer = self.net.fetch(link.target, method="HEAD")
        timed_out = answer.failure is not None and answer.failure.outcome is Outcome.TIMEOUT
        if not timed_out and (answer.failure is not None or (answer.status or 0) >= 400):
            answer = self.net.fetch(link.target)  # some servers refuse HEAD
        if answer.failure is not None:
            return _failed(answer.failure)
        status = answer.status or 0
        return _Visited(broken=(status, _reason(status)) if status >= 400 else None)

    def _settle(self, link: _Link, visited: _Visited) -> None:
        if visited.timed_out and self.net.left() <= 0:  # cut by the crawl's own deadline
            elapsed = f"durée de {self.bounds.seconds:g} s atteinte"
            self.state.stopped = self.state.stopped or elapsed
            return
        if visited.broken is not None:
            self._broken(link, *visited.broken)
        elif visited.page is not None:
            url = _clean(visited.page.url)
            if url != link.target and url in self.state.seen:
                return  # redirected to a page already read
            self.state.seen.add(url)
            self._read_page(visited.page, link.depth)

    def _broken(self, link: _Link, status: int | None, detail: str) -> None:
        pages = tuple(self.state.referrers.get(link.target, [link.page]))
        production = _origin(link.target) != self.origin
        self.state.broken[link.target] = BrokenLink(link.target, pages, status, detail, production)

    def _read_page(self, answer: _Answer, depth: int) -> None:
        text, parser = _visible(answer.body, answer.headers)
        page_url = _clean(answer.url)
        self.state.pages.append(CrawledPage(page_url, words(text)[:MAX_TEXT], parser.fingerprint))
        base = urljoin(answer.url, parser.base) if parser.base else answer.url
        for raw in parser.links:
            self._consider(raw, base, page_url, depth)

    def _consider(self, raw: str, base: str, page: str, depth: int) -> None:
        lowered = raw.lower()
        if not raw or lowered.startswith(("#", "mailto:", "tel:", "javascript:", "data:", "sms:")):
            return
        try:
            target = _clean(urljoin(base, raw))
        except ValueError:
            return
        if not target.startswith(("http://", "https://")):
            return
        referrers = self.state.referrers.setdefault(target, [])
        if page not in referrers and len(referrers) < 5:
            referrers.append(page)
        if target in self.state.seen:
            return
        if _origin(target) != self.origin and production_key(target) not in self.productions:
            return  # another host: never contacted, unless it is a declared production
        if _origin(target) != self.origin and not check_url(target).ok:
            return
        self.state.seen.add(target)
        self._queue.append(_Link(target, page, depth + 1))

    def _in_scope(self, url: str) -> bool:
        return _origin(url) == self.origin and (urlsplit(url).path or "/").startswith(self.scope)

    @staticmethod
    def _is_page(url: str) -> bool:
        path = urlsplit(url).path
        return path.endswith("/") or splitext(path.rsplit("/", 1)[-1])[1].lower() in _PAGE_SUFFIXES


def _failed(failure: Probe) -> _Visited:
    return _Visited(broken=(None, failure.detail), timed_out=failure.outcome is Outcome.TIMEOUT)


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
