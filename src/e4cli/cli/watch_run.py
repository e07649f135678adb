"""`e4 check --watch DOSSIER`: check again whenever a file of the dossier changes.

Changes are seen by polling the files' metadata (size, modification time, inode)
every `POLL_SECONDS`, not with an OS notification library: a dossier holds tens
of files, so a poll costs well under a millisecond, needs no native dependency,
and works the same on network and container filesystems where inotify is
missing. Editors that save by renaming a new file over the old one are seen too
(the inode changes). A dossier with more than `MAX_WATCHED` files is watched on its
first `MAX_WATCHED` files only, and the user is told.

Each round is a whole `e4 check` of the dossier in this same process: the
modules, the referential and the compiled checks are already loaded, so a round
costs only the reading and the checking, and the Markdown pages whose text did not
change keep the links parsed in the previous round (`markdown_links.REMEMBERED`,
most of a round's time otherwise). On a terminal the screen is cleared
before each report; in a pipe the reports follow each other. Ctrl-C ends the
watch (exit 0); SIGTERM ends it as every command (exit 143).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from e4cli.cli.check_run import CheckOptions, run_check
from e4cli.cli.runner import CommandError, say
from e4cli.dossier.markdown_links import REMEMBERED

POLL_SECONDS = 0.02
MAX_WATCHED = 5_000
CLEAR_SCREEN = "\x1b[2J\x1b[H"

Snapshot = dict[str, tuple[int, int, int]]


def snapshot(root: Path, limit: int = MAX_WATCHED) -> tuple[Snapshot, bool]:
    """(path → (size, mtime_ns, inode)) of the dossier's files, and whether it was cut short.

    Symbolic links are listed, never followed: a link out of the dossier is not watched.
    """
    found: Snapshot = {}
    pending = [str(root)]
    while pending:
        folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue  # removed or unreadable between two polls: its absence is the change
        for entry in entries:
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if entry.is_dir(follow_symlinks=False):
                pending.append(entry.path)
                continue
            if len(found) >= limit:
                return found, True
            found[entry.path] = (info.st_size, info.st_mtime_ns, info.st_ino)
    return found, False


def wait_for_change(
    root: Path, before: Snapshot, sleep: Callable[[float], None] = time.sleep
) -> Snapshot:
    """Block until the dossier's files differ from `before`; the new snapshot."""
    while True:
        sleep(POLL_SECONDS)
        now, _ = snapshot(root)
        if now != before:
            return now


def run_watch(paths: Sequence[Path], options: CheckOptions) -> int:
    if len(paths) != 1 or options.recursive:
        raise CommandError("--watch surveille un seul dossier.")
    if options.output is not None:
        raise CommandError("--watch écrit sur la sortie standard : --output n'est pas possible.")
    root = paths[0]
    if not (root / "dossier.yaml").is_file():
        raise CommandError(f"« {root} » n'est pas un dossier (dossier.yaml absent).")
    terminal = sys.stdout.isatty()
    state, cut = snapshot(root)
    if cut:
        say(f"e4 : plus de {MAX_WATCHED} fichiers ; seuls les premiers sont surveillés.")
    say("e4 : surveillance du dossier ; Ctrl-C pour arrêter.")
    try:
        while True:
            if terminal:
                sys.stdout.write(CLEAR_SCREEN)
            REMEMBERED.next_round()  # unchanged pages are not parsed again
            try:
                run_check(paths, options)
            except CommandError as exc:  # dossier.yaml removed for a moment: wait for it
                say(f"e4 : {exc}")
            sys.stdout.flush()
            state = wait_for_change(root, state)
    except KeyboardInterrupt:
        say("e4 : surveillance arrêtée.")
        return 0
