"""A class's documents written and its messages said in the class's order, while PDFs print.

`e4 grille`, `e4 note` and `e4 fiche` check and render the next dossier while the
browser prints the previous ones (`util.printer.print_later`). So what a dossier
says and writes waits behind any earlier document still printing and comes out in
order: stderr reads exactly as when each dossier was printed before the next was
checked. At most `AHEAD` documents wait at a time (the browser prints two at once),
so the command never runs far ahead of the browser nor holds many PDFs in memory.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from e4cli.cli.runner import say, write
from e4cli.util.errors import PageError
from e4cli.util.record import record

if TYPE_CHECKING:
    from e4cli.util.formats import Format, Registry
    from e4cli.util.printer import Ticket

AHEAD = 2  # documents printing while the next dossier is checked: the browser's tabs
M = TypeVar("M")


def render_ahead(
    fmt: Format[Callable[[M], str | bytes]],
    formats: Registry[Callable[[M], str | bytes]],
    model: M,
) -> Ticket | bytes:
    """The document of `model`: its bytes, or, for a format that prints a page, the page
    handed to the command's browser (inside `printer.printing()`)."""
    if fmt.prints is None:
        return fmt.render(model)
    from e4cli.util.printer import print_later

    page = formats[fmt.prints].load()(model)
    return print_later(page if isinstance(page, str) else page.decode("utf-8"))


@record
class _Document:
    pending: Ticket | bytes
    destination: Path | None
    written: Sequence[str]  # said once it is written
    failed: Callable[[PageError], str]  # said instead, if the browser could not print it


class InOrder:
    """The messages and documents of a class's run, let out in the order they were given."""

    def __init__(self, ahead: int = AHEAD) -> None:
        self._ahead = ahead
        self._queue: deque[str | _Document] = deque()
        self._documents = 0

    def say(self, line: str) -> None:
        """A line on stderr, after every earlier document."""
        self._queue.append(line)
        self._let_out(keep=self._ahead)

    def document(
        self,
        pending: Ticket | bytes,
        destination: Path | None,
        written: Sequence[str],
        failed: Callable[[PageError], str],
    ) -> None:
        """A document to write (atomically) once it and every earlier one are ready, then
        the lines `written` to say; if the browser could not print it, the line `failed`
        makes of the error instead."""
        self._queue.append(_Document(pending, destination, written, failed))
        self._documents += 1
        self._let_out(keep=self._ahead)

    def finish(self) -> None:
        """Wait for every document and let everything out."""
        self._let_out(keep=0)

    def _let_out(self, keep: int) -> None:
        """Let out from the head what is ready; wait for the head while more than `keep`
        documents wait."""
        while self._queue:
            head = self._queue[0]
            if isinstance(head, str):
                self._queue.popleft()
                say(head)
                continue
            if isinstance(head.pending, bytes):
                data = head.pending
            elif self._documents <= keep and not head.pending.done():
                return
            else:
                try:
                    data = head.pending.result()
                except PageError as exc:
                    self._queue.popleft()
                    self._documents -= 1
                    say(head.failed(exc))
                    continue
            self._queue.popleft()
            self._documents -= 1
            write(data, head.destination)
            for line in head.written:
                say(line)
