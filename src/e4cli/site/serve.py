"""`e4 site --serve`: the built site on 127.0.0.1, rebuilt when the dossier changes.

Watching is stat polling (size and modification time of every file, once a
second): a dossier is a few hundred files, so a scan costs milliseconds, and
it behaves the same on every system and file system (network shares, WSL, a
USB key), which event-based watchers do not; no dependency is needed for it.
Only 127.0.0.1 is ever bound: the preview is not served to the network.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from e4cli.dossier.portfolio import SITE_DIR

HOST = "127.0.0.1"
INTERVAL = 1.0  # seconds between two scans of the dossier
MAX_WATCHED = 20_000  # entries looked at per scan


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def snapshot(root: Path, skip: tuple[Path, ...] = ()) -> dict[str, tuple[int, int]]:
    """(modification time, size) of every file under `root`, hidden ones and `skip` aside."""
    skipped = {os.path.realpath(p) for p in skip}
    found: dict[str, tuple[int, int]] = {}
    pending = [str(root)]
    seen = 0
    while pending and seen < MAX_WATCHED:
        folder = pending.pop()
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    seen += 1
                    if entry.name.startswith(".") or entry.name == SITE_DIR:
                        continue
                    try:
                        if entry.is_dir(follow_symlinks=False):
                            if os.path.realpath(entry.path) not in skipped:
                                pending.append(entry.path)
                            continue
                        st = entry.stat()
                    except OSError:
                        continue
                    found[entry.path] = (st.st_mtime_ns, st.st_size)
        except OSError:
            continue
    return found


def serve(
    directory: Path,
    dossier: Path,
    rebuild: Callable[[], None],
    port: int,
    stream: TextIO,
    *,
    interval: float = INTERVAL,
    stop: threading.Event | None = None,
) -> None:
    """Serve `directory` until interrupted; call `rebuild` when a file of `dossier` changes."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer((HOST, port), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    stream.write(
        f"e4 : site servi sur http://{HOST}:{httpd.server_address[1]}/index.html "
        "(reconstruit à chaque modification du dossier ; Ctrl+C pour arrêter)\n"
    )
    stream.flush()
    stop = stop or threading.Event()
    before = snapshot(dossier, (directory,))
    try:
        while not stop.wait(interval):
            now = snapshot(dossier, (directory,))
            if now != before:
                before = now
                started = time.perf_counter()
                rebuild()
                elapsed = time.perf_counter() - started
                stream.write(f"e4 : site reconstruit ({elapsed:.1f} s).\n")
                stream.flush()
    finally:
        httpd.shutdown()
        httpd.server_close()
