"""Every PDF e4 prints: a self-contained HTML page printed by a headless Chromium.

Why Chromium and not WeasyPrint: the pages are already tested by printing them
in Chromium, so the PDF is exactly what those tests measure; WeasyPrint would be
a second layout engine with its own CSS support, plus Pango and cairo system
libraries that are harder to get on Windows than a browser. Candidates nearly
always have Chrome, Chromium or Edge already; `E4_CHROMIUM` names one
explicitly. The pages have no script and forbid network access
(Content-Security-Policy), and the browser runs with a throwaway profile.

One browser per command: a command that prints several documents (a class's
grids, appraisals, fiches) opens `printing()` around its loop, and every
`print_html` inside goes through the same headless Chromium, driven over the
DevTools protocol on a pair of pipes (`--remote-debugging-pipe`: the browser
reads fd 3 and writes fd 4, JSON messages ended by a NUL byte): navigate to the
page's file, wait for its load event, `Page.printToPDF` with what
`--print-to-pdf --no-pdf-header-footer` does (the page's CSS `@page` decides
size and orientation, backgrounds printed, no header or footer). The browser
starts on the first page only, so a run that prints no PDF never starts one.
`print_later` (`Printer.submit`) hands a page over without waiting: a class's
command checks the next dossier while the browser prints, two pages at once, each
in a tab of its own browser context (its own renderer process).

Failures: a browser that does not answer within the deadline (`E4_PDF_TIMEOUT`,
90 s by default, for the launch and for each page) or dies is killed with its
whole process group and reaped, whatever ends the command (an error, Ctrl-C,
SIGTERM, which `cli.runner` unwinds). A browser that dies or stalls on a page is
relaunched once for each page that was in it, printed alone this time; if the page
fails again it is `PageError` (that document only: the commands go on with the
next one). A browser that cannot be
started or never answers is `RenderError` (the tool cannot print at all). Where
the pipe is not available (Windows, a browser that refuses it) each page is
printed by one launch of `--print-to-pdf`, as e4 always did.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from e4cli.util.errors import PageError, RenderError

__all__ = [
    "ENV_BROWSER",
    "ENV_TIMEOUT",
    "TIMEOUT_SECONDS",
    "PageError",
    "RenderError",
    "Ticket",
    "command",
    "find_browser",
    "print_html",
    "print_later",
    "printing",
]

ENV_BROWSER = "E4_CHROMIUM"
ENV_TIMEOUT = "E4_PDF_TIMEOUT"
TIMEOUT_SECONDS = 90
_CLOSE_SECONDS = 5  # a browser asked to close gets this long before it is killed
_NAMES = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "microsoft-edge",
    "msedge",
)
_PLACES = (
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
)
# What `--print-to-pdf --no-pdf-header-footer` does (compared in tests/test_printer.py).
_PRINT = {"preferCSSPageSize": True, "printBackground": True, "displayHeaderFooter": False}


def find_browser() -> str | None:
    """The browser to print with: $E4_CHROMIUM, then the usual names and places."""
    explicit = os.environ.get(ENV_BROWSER)
    if explicit:
        return explicit if Path(explicit).is_file() else shutil.which(explicit)
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return next((place for place in _PLACES if Path(place).is_file()), None)


def timeout_seconds() -> float:
    """The deadline of a launch and of each page: $E4_PDF_TIMEOUT (seconds), else 90."""
    try:
        value = float(os.environ.get(ENV_TIMEOUT, ""))
    except ValueError:
        return TIMEOUT_SECONDS
    return value if value > 0 else TIMEOUT_SECONDS


def _flags(browser: str, profile: Path) -> list[str]:
    args = [
        browser,
        "--headless",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        f"--user-data-dir={profile}",
    ]
    # Chromium refuses to start as root with its sandbox; the page runs no script.
    if sys.platform != "win32" and os.geteuid() == 0:
        args.insert(2, "--no-sandbox")
    return args


def command(browser: str, page: Path, pdf: Path, profile: Path) -> list[str]:
    """One launch that prints one page (the path without the pipe)."""
    return [
        *_flags(browser, profile),
        f"--print-to-pdf={pdf}",
        "--no-pdf-header-footer",
        page.resolve().as_uri(),
    ]


def _no_browser() -> RenderError:
    return RenderError(
        "le format pdf est imprimé par Chromium, Google Chrome ou Microsoft Edge, et aucun "
        f"n'a été trouvé. Installez-en un (Debian/Ubuntu : apt install chromium), ou "
        f"indiquez son chemin dans la variable {ENV_BROWSER} ; à défaut, produisez le "
        "document en html et imprimez-le en PDF depuis le navigateur."
    )


def _too_slow(browser: str, seconds: float) -> str:
    return f"le navigateur « {browser} » n'a pas produit le PDF en {seconds:g} s."


def _last_line(stderr: Path) -> str:
    try:
        text = stderr.read_text(encoding="utf-8", errors="replace")
    except OSError:
        text = ""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "aucun message"


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    """The browser and every process it started (its own process group), killed and reaped."""
    if sys.platform != "win32":
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        proc.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=_CLOSE_SECONDS)


def _new_group() -> dict[str, Any]:
    """Popen arguments that put the browser in its own group: Ctrl-C in the terminal reaches
    e4 only, which then ends the browser itself, all of its processes at once."""
    if sys.platform == "win32":
        return {"creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
    return {"start_new_session": True}


def _print_alone(browser: str, page_html: str, folder: Path, seconds: float) -> bytes:
    """One launch of `--print-to-pdf` for one page: where the pipe is not available."""
    page, pdf, profile = folder / "seule.html", folder / "seule.pdf", folder / "profil-seul"
    stderr_file = folder / "seule.err"
    page.write_text(page_html, encoding="utf-8")
    try:
        with stderr_file.open("wb") as err:
            proc = subprocess.Popen(
                command(browser, page, pdf, profile),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=err,
                **_new_group(),
            )
    except OSError as exc:
        raise RenderError(
            f"le navigateur « {browser} » ne se lance pas : {exc.strerror or exc}."
        ) from exc
    try:
        code = proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired as exc:
        raise RenderError(_too_slow(browser, seconds)) from exc
    finally:
        _kill_group(proc)  # its helper processes too, even when it ended by itself
        shutil.rmtree(profile, ignore_errors=True)
    try:
        if code != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
            raise RenderError(
                f"le navigateur « {browser} » n'a pas produit le PDF "
                f"(code {code} : {_last_line(stderr_file)})."
            )
        return pdf.read_bytes()
    finally:
        for leftover in (page, pdf):
            leftover.unlink(missing_ok=True)


class _Refused(Exception):
    """The browser ended or answered nonsense before the protocol started: no pipe here."""


class _Broken(Exception):
    """The browser died, stopped answering or answered nonsense while printing."""


class _Pipe:
    """One headless Chromium driven over `--remote-debugging-pipe` (POSIX only).

    It sends and receives messages and opens tabs; which page a message is about is
    the `Printer`'s business.
    """

    def __init__(self, browser: str, folder: Path, seconds: float) -> None:
        import fcntl

        self.browser = browser
        self.seconds = seconds
        self.stderr = folder / "navigateur.err"
        self.tabs: list[str] = []  # the session of each tab opened
        self._buffer = b""
        self._next_id = 0
        self._strays: list[dict[str, Any]] = []  # arrived while `call` waited for its answer
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def place_pipes() -> None:  # in the child, before exec: its ends on fds 3 and 4
            reads = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
            writes = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
            os.dup2(reads, 3)
            os.dup2(writes, 4)

        try:
            with self.stderr.open("wb") as err:
                self.proc: subprocess.Popen[bytes] = subprocess.Popen(
                    [*_flags(browser, folder / "profil"), "--remote-debugging-pipe"],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=err,
                    pass_fds=(3, 4),
                    preexec_fn=place_pipes,
                    start_new_session=True,
                )
        except OSError as exc:
            os.close(self._to_browser)
            os.close(self._from_browser)
            raise RenderError(
                f"le navigateur « {browser} » ne se lance pas : {exc.strerror or exc}."
            ) from exc
        except subprocess.SubprocessError as exc:  # the pipes could not be placed on fds 3, 4
            os.close(self._to_browser)
            os.close(self._from_browser)
            raise _Refused(str(exc)) from exc
        finally:
            os.close(to_browser_r)
            os.close(from_browser_w)
        try:
            self._start()
        except BaseException:
            self.close()
            raise

    def _start(self) -> None:
        deadline = time.monotonic() + self.seconds
        try:
            self.call("Browser.getVersion", {}, deadline)
            self.open_tab(deadline)
        except _Broken as exc:
            if self.proc.poll() is None and time.monotonic() >= deadline:
                raise RenderError(_too_slow(self.browser, self.seconds)) from exc
            raise _Refused(str(exc)) from exc

    def open_tab(self, deadline: float) -> str:
        """A new tab, ready for `Page.navigate` (its session). The first is in the default
        browser context (a new context costs a single page 0.6 s); each other one in a
        context of its own, so that two tabs print in two renderer processes (two cores)."""
        try:
            where: dict[str, Any] = {"url": "about:blank"}
            if self.tabs:
                context = self.call("Target.createBrowserContext", {}, deadline)
                where["browserContextId"] = context["browserContextId"]
            target = self.call("Target.createTarget", where, deadline)
            attached = self.call(
                "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}, deadline
            )
            session = str(attached["sessionId"])
        except (KeyError, TypeError) as exc:
            raise _Broken(f"réponse inattendue : {exc}") from exc
        self.call("Page.enable", {}, deadline, session)
        self.tabs.append(session)
        return session

    def send(self, method: str, params: dict[str, Any], session: str | None = None) -> int:
        """Send a command without waiting; the id its answer will carry."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        try:
            os.write(self._to_browser, json.dumps(message).encode("utf-8") + b"\0")
        except OSError as exc:  # BrokenPipeError: the browser is gone
            raise _Broken("le navigateur s'est arrêté") from exc
        return self._next_id

    def call(
        self, method: str, params: dict[str, Any], deadline: float, session: str | None = None
    ) -> dict[str, Any]:
        """Send a command and wait for its answer; what arrives meanwhile is kept for
        `next_message`."""
        sent = self.send(method, params, session)
        while True:
            answer = self._receive(deadline, wait=True)
            assert answer is not None
            if answer.get("id") != sent:
                self._strays.append(answer)
                continue
            return answer_result(answer, method)

    def next_message(self, deadline: float, wait: bool) -> dict[str, Any] | None:
        """The next message from the browser; None if none has come yet and not `wait`."""
        if self._strays:
            return self._strays.pop(0)
        return self._receive(deadline, wait)

    def _receive(self, deadline: float, wait: bool) -> dict[str, Any] | None:
        import select

        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise _Broken(f"pas de réponse en {self.seconds:g} s")
            ready, _, _ = select.select([self._from_browser], [], [], left if wait else 0)
            if not ready:
                if wait:
                    continue
                return None
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise _Broken("le navigateur s'est arrêté")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        try:
            loaded = json.loads(message)
        except ValueError as exc:
            raise _Broken("message illisible") from exc
        return loaded if isinstance(loaded, dict) else {}

    def close(self) -> None:
        """Ask the browser to close, then end its whole process group and reap it."""
        if self.proc.poll() is None:
            with contextlib.suppress(OSError):
                message = {"id": self._next_id + 1, "method": "Browser.close", "params": {}}
                os.write(self._to_browser, json.dumps(message).encode("utf-8") + b"\0")
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=_CLOSE_SECONDS)
        _kill_group(self.proc)
        for fd in (self._to_browser, self._from_browser):
            with contextlib.suppress(OSError):
                os.close(fd)


def answer_result(answer: dict[str, Any], method: str) -> dict[str, Any]:
    """The result of an answer to `method`; an error answer is a broken page."""
    if "error" in answer:
        error = answer["error"]
        text = error.get("message") if isinstance(error, dict) else error
        raise _Broken(f"{method} : {text}")
    result = answer.get("result")
    return result if isinstance(result, dict) else {}


class Ticket:
    """A page handed to `Printer.submit`: its PDF once printed (`result`), or why not."""

    def __init__(self, printer: Printer, number: int) -> None:
        self._printer = printer
        self.number = number  # pages are started (and started again) in the order given
        self.page: Path | None = None
        self.tries = 0  # browsers that died with this page in them
        self.outcome: bytes | RenderError | None = None
        self.session = ""  # while in a tab: its session, deadline and progress
        self.deadline = 0.0
        self.navigated = self.loaded = self.printing = False

    def done(self) -> bool:
        """Whether `result` would answer at once (it lets the printer go on meanwhile)."""
        if self.outcome is None:
            self._printer.advance(wait=False)
        return self.outcome is not None

    def result(self) -> bytes:
        """The PDF, waiting for it; `PageError` for this page only, `RenderError` if the
        browser cannot print at all."""
        while self.outcome is None:
            self._printer.advance(wait=True)
        if isinstance(self.outcome, RenderError):
            raise self.outcome
        return self.outcome


class Printer:
    """The browser of one command: started on the first page, reused, ended by `close`.

    `submit` hands it a page and returns at once, so the command can prepare the next
    document while the browser prints; up to `tabs` pages print at the same time, each
    in its own tab. A browser that dies (or stalls past a page's deadline) takes the
    pages in it down: each is started again in a new browser, alone in it, so that a
    page which kills the browser twice is that page's `PageError` and no other's.
    """

    def __init__(self, tabs: int = 2) -> None:
        self._folder: Path | None = None
        self._browser = ""
        self._seconds = float(TIMEOUT_SECONDS)
        self._pipe: _Pipe | None = None
        self._alone = sys.platform == "win32"  # no fd passing there: one launch per page
        self._failed: RenderError | None = None  # the browser cannot print at all
        self._tabs = max(1, tabs)
        self._pages = 0
        self._waiting: list[Ticket] = []  # for a tab, in the order given
        self._in_tabs: dict[str, Ticket] = {}  # by session
        self._calls: dict[int, tuple[Ticket, str]] = {}  # command id: its page, its method
        self.launches = 0

    def print_html(self, page_html: str) -> bytes:
        """Print a self-contained HTML page to PDF; its CSS `@page` decides size and
        orientation."""
        return self.submit(page_html).result()

    def submit(self, page_html: str) -> Ticket:
        """Hand a page to the browser without waiting for its PDF."""
        self._pages += 1
        ticket = Ticket(self, self._pages)
        if self._folder is None:
            browser = find_browser()
            if browser is None:
                self._failed = _no_browser()
            else:
                self._browser, self._seconds = browser, timeout_seconds()
            self._folder = Path(tempfile.mkdtemp(prefix="e4-pdf-"))
        if self._failed is not None:
            ticket.outcome = self._failed
            return ticket
        ticket.page = self._folder / f"page-{ticket.number}.html"
        ticket.page.write_text(page_html, encoding="utf-8")
        self._waiting.append(ticket)
        self.advance(wait=False)
        return ticket

    def advance(self, wait: bool) -> None:
        """Start waiting pages in free tabs, then take in what the browser sent (with
        `wait`, waiting for something to arrive or a deadline to pass)."""
        try:
            self._start_waiting()
            if self._pipe is not None and self._in_tabs:
                deadline = min(t.deadline for t in self._in_tabs.values())
                message = self._pipe.next_message(deadline, wait)
                while message is not None:
                    self._take(message)
                    message = self._pipe.next_message(deadline, wait=False)
                self._start_waiting()
        except _Broken as exc:
            self._crashed(str(exc))

    def _start_waiting(self) -> None:
        while self._waiting and self._failed is None:
            if self._alone:
                self._print_alone()
                return
            ticket = self._waiting[0]
            busy = list(self._in_tabs.values())
            retry = ticket.tries > 0 or any(t.tries for t in busy)
            if busy and (retry or len(busy) >= self._tabs):
                return  # a page started again prints alone
            if self._pipe is None:
                try:
                    self.launches += 1
                    self._pipe = _Pipe(self._browser, self._require_folder(), self._seconds)
                except _Refused:
                    self._alone = True
                    continue
                except RenderError as exc:
                    self._fail(exc)
                    return
            free = [s for s in self._pipe.tabs if s not in self._in_tabs]
            session = free[0] if free else self._pipe.open_tab(time.monotonic() + self._seconds)
            self._waiting.pop(0)
            ticket.session, ticket.deadline = session, time.monotonic() + self._seconds
            ticket.navigated = ticket.loaded = ticket.printing = False
            self._in_tabs[session] = ticket
            assert ticket.page is not None
            self._send(ticket, "Page.navigate", {"url": ticket.page.resolve().as_uri()})

    def _send(self, ticket: Ticket, method: str, params: dict[str, Any]) -> None:
        assert self._pipe is not None
        self._calls[self._pipe.send(method, params, ticket.session)] = (ticket, method)

    def _take(self, message: dict[str, Any]) -> None:
        """One message from the browser: a page's navigation, load or PDF."""
        if "id" in message:
            entry = self._calls.pop(message["id"], None)
            if entry is None:
                return
            ticket, method = entry
            result = answer_result(message, method)
            if method == "Page.printToPDF":
                del self._in_tabs[ticket.session]
                self._settle(ticket, _pdf_of(result))
                return
            if result.get("errorText"):
                raise _Broken(str(result["errorText"]))
            ticket.navigated = True
        elif message.get("method") == "Page.loadEventFired":
            found = self._in_tabs.get(str(message.get("sessionId")))
            if found is None:
                return
            ticket = found
            ticket.loaded = True
        else:
            return
        if ticket.navigated and ticket.loaded and not ticket.printing:
            ticket.printing = True
            self._send(ticket, "Page.printToPDF", _PRINT)

    def _crashed(self, reason: str) -> None:
        """The browser is gone or useless: end it; start its pages again, or give up on a
        page that was already started again."""
        if self._pipe is not None:
            pipe, self._pipe = self._pipe, None
            pipe.close()
        self._calls.clear()
        again = []
        for ticket in self._in_tabs.values():
            ticket.tries += 1
            if ticket.tries >= 2:
                self._settle(
                    ticket,
                    PageError(
                        f"le navigateur « {self._browser} » n'a pas produit le PDF ({reason})."
                    ),
                )
            else:
                again.append(ticket)
        self._in_tabs.clear()
        self._waiting = sorted(again + self._waiting, key=lambda t: t.number)

    def _print_alone(self) -> None:
        """Where the pipe is not available: each waiting page by a launch of its own."""
        while self._waiting and self._failed is None:
            ticket = self._waiting.pop(0)
            assert ticket.page is not None
            try:
                html = ticket.page.read_text(encoding="utf-8")
                data = _print_alone(self._browser, html, self._require_folder(), self._seconds)
            except RenderError as exc:
                self._settle(ticket, exc)
                self._fail(exc)
                return
            self._settle(ticket, data)

    def _fail(self, error: RenderError) -> None:
        """The browser cannot print at all: every page not yet printed gets `error`."""
        self._failed = error
        for ticket in [*self._in_tabs.values(), *self._waiting]:
            self._settle(ticket, error)
        self._in_tabs.clear()
        self._waiting.clear()

    def _settle(self, ticket: Ticket, outcome: bytes | RenderError) -> None:
        ticket.outcome = outcome
        if ticket.page is not None:
            ticket.page.unlink(missing_ok=True)

    def _require_folder(self) -> Path:
        assert self._folder is not None
        return self._folder

    def close(self) -> None:
        try:
            if self._pipe is not None:
                pipe, self._pipe = self._pipe, None
                pipe.close()
        finally:
            self._fail(RenderError("l'impression a été interrompue."))
            if self._folder is not None:
                shutil.rmtree(self._folder, ignore_errors=True)
                self._folder = None


def _pdf_of(result: dict[str, Any]) -> bytes:
    try:
        data = base64.b64decode(result["data"], validate=True)
    except (KeyError, TypeError, ValueError) as exc:
        raise _Broken(f"réponse inattendue : {exc}") from exc
    if not data.startswith(b"%PDF"):
        raise _Broken("ce n'est pas un PDF")
    return data


_CURRENT: ContextVar[Printer | None] = ContextVar("e4_printer", default=None)


@contextlib.contextmanager
def printing() -> Iterator[Printer]:
    """One browser for every `print_html` of the block (nested blocks share the outer one)."""
    current = _CURRENT.get()
    if current is not None:
        yield current
        return
    printer = Printer()
    token = _CURRENT.set(printer)
    try:
        yield printer
    finally:
        _CURRENT.reset(token)
        printer.close()


def print_html(page_html: str) -> bytes:
    """Print a self-contained HTML page to PDF, through the command's browser if one is open
    (`printing()`), else through a browser of its own, ended before returning.

    Shared by every document e4 prints (synthesis table, evaluation grid, fiches).
    """
    with printing() as printer:
        return printer.print_html(page_html)



def print_later(page_html: str) -> Ticket:
    """Hand a page to the command's browser without waiting for its PDF (`Ticket.result`).

    Only inside `printing()`: the block's end is what ends the browser.
    """
    printer = _CURRENT.get()
    if printer is None:
        raise RuntimeError("print_later() needs an open printing() block")
    return printer.submit(page_html)
