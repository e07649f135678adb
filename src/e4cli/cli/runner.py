"""How every command ends: exit codes, one-line failures, outputs, a closed pipe, SIGTERM.

Each command of `cli/commands.py` (or `cli/quick.py`) parses its arguments and hands a function to
`run`, which turns what happens into the exit code:

- the function returns the code (None is 0): 0 done, 1 findings (a dossier is not
  conforme, an evaluation has errors), 2 the tool cannot go on;
- a `CommandError` (bad arguments, an output that cannot be written, no PDF
  engine) is printed as one line `e4 : <message>` on stderr, exit 2;
- a closed standard output (`e4 … | head`) is the reader having seen enough: the
  rest of the output goes nowhere, quietly, exit 0;
- SIGTERM (a CI job cancelled, `timeout`) unwinds like Ctrl-C: a file being written
  with --output is removed, not left half written; exit 143 (130 and « e4 : interrompu. »
  for Ctrl-C, whether Typer or `cli/quick.py` read the command line).

Outputs go to standard output or, with --output, to a file that appears whole
when it is complete (`util.atomic`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import BinaryIO, NoReturn, ParamSpec, TextIO

from e4cli.util.errors import CommandError

EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
EXIT_TERMINATED = 143  # 128 + SIGTERM

P = ParamSpec("P")

__all__ = [
    "EXIT_FAILURE",
    "EXIT_FINDINGS",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_TERMINATED",
    "CommandError",
    "fail",
    "make_folder",
    "run",
    "say",
    "text_output",
    "write",
]


class Terminated(BaseException):
    """SIGTERM received: unwinds the command (removing unfinished outputs) like Ctrl-C does."""


def say(message: str) -> None:
    """A line for the user on stderr, never mixed into the document on stdout."""
    stream = sys.stderr
    stream.write(f"{message}\n")
    stream.flush()


def fail(message: str) -> NoReturn:
    """The tool itself cannot go on (exit 2): never used for a problem in a dossier."""
    say(f"e4 : {message}")
    raise SystemExit(EXIT_FAILURE)


def run(command: Callable[P, int | None], *args: P.args, **kwargs: P.kwargs) -> NoReturn:
    """Run a command's body and exit with its code, whatever happens (see the module's doc)."""
    with _sigterm_unwinds():
        try:
            code = command(*args, **kwargs) or EXIT_OK
            sys.stdout.flush()  # a closed pipe shows here, not in the flush at exit
        except CommandError as exc:
            fail(str(exc))
        except BrokenPipeError:
            _discard_stdout()
            code = EXIT_OK
        except Terminated:
            code = EXIT_TERMINATED
        except KeyboardInterrupt:  # Ctrl-C: the same words and code, whoever read the command
            say("e4 : interrompu.")
            code = EXIT_INTERRUPTED
    raise SystemExit(code)  # through Click unchanged when Typer runs the command


def write(data: bytes, output: Path | None, stdout: BinaryIO | None = None) -> None:
    """A whole document to standard output, or atomically to `output`."""
    if output is None:
        out = stdout if stdout is not None else sys.stdout.buffer
        try:
            out.write(data)
            out.flush()
        except BrokenPipeError:  # … | head: the reader has seen enough; go on quietly
            _discard_stdout()
        return
    from e4cli.util.atomic import write_atomic

    try:
        write_atomic(output, data)
    except OSError as exc:
        raise CommandError(f"impossible d'écrire « {output} » : {reason(exc, output)}") from exc


@contextmanager
def text_output(output: Path | None) -> Iterator[TextIO]:
    """A text stream to standard output, or to `output`, which appears whole when the block ends.

    For reports written as they are produced: the file never holds half a report,
    and nothing is left behind when the block fails.
    """
    if output is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    from e4cli.util.atomic import atomic_writer

    try:
        with atomic_writer(output) as handle:
            yield handle
    except OSError as exc:  # only the report file is written in this block
        raise CommandError(f"impossible d'écrire « {output} » : {reason(exc, output)}") from exc


# What a dossier is made of: an output may go into a dossier (`e4 table d -o d/tableau.xlsx`),
# never over one of these, which e4 itself reads.
_SOURCE_FOLDERS = frozenset({"realisations", "portfolio", "attestations", "productions"})
_SOURCE_SUFFIXES = frozenset({".yaml", ".yml", ".md", ".markdown"})


def refuse_dossier_files(output: Path | None, dossiers: Iterable[Path]) -> None:
    """Refuse (exit 2) an --output that would replace a file of a dossier being read."""
    if output is None:
        return
    try:
        target = output.resolve()
    except (OSError, RuntimeError):
        return  # the write itself will say what is wrong
    for dossier in dossiers:
        try:
            root = dossier.resolve()
        except (OSError, RuntimeError):
            continue
        if not target.is_relative_to(root) or target == root:
            continue
        inside = target.relative_to(root)
        if (
            inside.parts[0] in _SOURCE_FOLDERS
            or target.suffix.lower() in _SOURCE_SUFFIXES
            or inside.name.lower() == "dossier.yaml"
        ):
            raise CommandError(
                f"--output « {output} » écraserait « {inside.as_posix()} », un fichier du "
                f"dossier « {dossier} » : e4 ne modifie jamais un dossier qu'il lit ; "
                "écrivez le rapport ailleurs (par exemple rapport.json)."
            )


def make_folder(folder: Path) -> None:
    """The folder of --output-dir, created with its parents if needed."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CommandError(f"impossible de créer « {folder} » : {reason(exc, folder)}") from exc


_REASONS = {
    errno.EACCES: "permission refusée",
    errno.EPERM: "opération non permise",
    errno.ENOSPC: "plus de place sur le disque",
    errno.EROFS: "système de fichiers en lecture seule",
    errno.EISDIR: "c'est un dossier",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.ENAMETOOLONG: "nom trop long",
    errno.EEXIST: "un fichier porte déjà ce nom",
}


def reason(exc: OSError, path: Path) -> str:
    """Why `path` could not be written, in French (the system's words are English)."""
    if exc.errno == errno.ENOENT:
        parent = path.parent if str(path.parent) else Path()
        if not parent.is_dir():
            return f"le dossier « {parent} » n'existe pas"
        return "fichier ou dossier introuvable"
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return str(exc.strerror or exc)


def _discard_stdout() -> None:
    """Point stdout at the null device: what is still written (and the flush at exit) is
    dropped instead of failing again on the closed pipe."""
    with contextlib.suppress(BrokenPipeError, ValueError):  # what was buffered is for nobody
        sys.stdout.flush()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


@contextmanager
def _sigterm_unwinds() -> Iterator[None]:
    """Turn SIGTERM into `Terminated` in this process for the length of the block.

    Worker processes forked meanwhile inherit the handler; there it restores the
    default and terminates the worker as if none had been set.
    """
    owner = os.getpid()

    def terminated(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != owner:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
            return
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, terminated)
    except ValueError:  # not the main thread (e4 used as a library): leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def console_entry(app: Callable[[], object]) -> NoReturn:
    """The console script: exit 2 with a short message when e4 itself fails."""
    from e4cli.util.errors import ReferentialError

    _never_fail_on_encoding()
    try:
        app()
    except ReferentialError as exc:
        say(f"e4 : installation défectueuse : {exc}")
        sys.exit(EXIT_FAILURE)
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # the tool failed: say so in one line, never a traceback
        if os.environ.get("E4_DEBUG"):
            raise
        say(
            f"e4 : erreur interne ({type(exc).__name__}: {exc}). Relancez avec E4_DEBUG=1 pour "
            "le détail, et signalez-la."
        )
        sys.exit(EXIT_FAILURE)
    sys.exit(EXIT_OK)


def _never_fail_on_encoding() -> None:
    """Under a locale that cannot write « é » or ✔ (an old LANG=C system, a cp1252 console),
    write an escape instead of stopping with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if reconfigure is not None and encoding != "utf8":
            reconfigure(errors="backslashreplace")
