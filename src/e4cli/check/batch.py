"""Check many dossiers: in parallel across cores, results streamed in a stable order.

The runner yields one `DossierOutcome` per target, in the targets' order,
as soon as it is ready; the caller formats it and lets it go, keeping only
its `DossierSummary`. So memory stays flat whatever the number of dossiers.

Workers are processes (the checks are pure Python, so threads would share
one core). Targets go to them in chunks, a bounded number ahead, and come
back in order. A single dossier, a machine with one core, or a handful of
dossiers are checked in this process: starting workers would cost more than
it saves. One broken dossier never stops the others: a failure of e4 itself
on a dossier becomes an outcome with `error` set, and if a worker dies the
remaining dossiers are checked here.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING

from e4cli.check.outcome import DossierOutcome
from e4cli.dossier.discovery import Target

if TYPE_CHECKING:
    from concurrent.futures import Future
    from multiprocessing.context import BaseContext

# Below this many dossiers, checking in this process is as fast as starting workers: a
# dossier takes about a millisecond to check, starting a pool some tens of milliseconds.
MIN_PARALLEL = 16
# Chunks submitted ahead per worker: enough to keep every worker busy.
IN_FLIGHT = 4
# Upper bound on dossiers per task: big enough to amortise the round trip,
# small enough that output starts early and workers stay evenly loaded.
MAX_CHUNK = 32


# From this many dossiers, compiling fast validity checks pays for itself (benchmarks/).
FAST_PATH_FROM = 8


def available_cpus() -> int:
    if hasattr(os, "process_cpu_count"):  # Python 3.13+
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def check_target(target: Target, online: bool = False, strict: bool = False) -> DossierOutcome:
    """Check one dossier and keep its outcome, not its model; never raises for one dossier."""
    from e4cli.check.pipeline import check_dossier

    try:
        return check_dossier(target.path, target.display, online=online).outcome.judged(strict)
    except Exception as exc:  # a bug of e4 on this dossier: report it, go on with the others
        if os.environ.get("E4_DEBUG"):
            raise
        return DossierOutcome.failure(
            target.display, str(target.path), f"{type(exc).__name__}: {exc}", strict=strict
        )


def check_chunk(
    targets: Sequence[Target], online: bool = False, strict: bool = False
) -> list[DossierOutcome]:
    """A worker's task: a few dossiers in a row, sent back together."""
    _tune_gc()
    return [check_target(target, online, strict) for target in targets]


def plan(count: int, jobs: int | None) -> tuple[int, int]:
    """(workers, chunk size) for `count` dossiers; 0 workers means in this process.

    `jobs` None is automatic: every core, unless too few dossiers to gain from it.
    An explicit `jobs` of 2 or more always uses workers.
    """
    if jobs is None:
        workers = min(available_cpus(), count) if count >= MIN_PARALLEL else 0
    else:
        workers = min(jobs, count) if jobs > 1 else 0
    if workers <= 1:
        return 0, 0
    chunk = max(1, min(MAX_CHUNK, count // (workers * 4)))
    return workers, chunk


def run(
    targets: Sequence[Target],
    *,
    online: bool = False,
    strict: bool = False,
    jobs: int | None = None,
) -> Iterator[DossierOutcome]:
    """One outcome per target, in order, each as soon as it and those before it are ready.

    At most `IN_FLIGHT` chunks per worker are submitted ahead of the one being read:
    if the caller formats more slowly than the workers check, they wait instead of
    piling up results, so memory stays bounded whatever the number of dossiers.
    """
    if len(targets) < FAST_PATH_FROM:
        yield from _run(targets, online, strict, jobs)
        return
    _warm_up()
    with _tuned_gc():
        yield from _run(targets, online, strict, jobs)


def _run(
    targets: Sequence[Target], online: bool, strict: bool, jobs: int | None
) -> Iterator[DossierOutcome]:
    workers, chunk = plan(len(targets), jobs)
    if workers == 0:
        for target in targets:
            yield check_target(target, online, strict)
        return
    # imported here: a single dossier (the editor's and pre-commit's case) never needs them
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    _warm_up()
    chunks = (targets[i : i + chunk] for i in range(0, len(targets), chunk))
    done = 0
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
            pending: deque[Future[list[DossierOutcome]]] = deque(
                pool.submit(check_chunk, part, online, strict)
                for part in islice(chunks, workers * IN_FLIGHT)
            )
            while pending:
                outcomes = pending.popleft().result()
                for part in islice(chunks, 1):
                    pending.append(pool.submit(check_chunk, part, online, strict))
                for outcome in outcomes:
                    done += 1
                    yield outcome
    except BrokenProcessPool:
        # A worker died (killed, out of memory): finish the rest here, in order.
        for target in targets[done:]:
            yield check_target(target, online, strict)


_GC_THRESHOLD = 100_000


def _tune_gc() -> None:
    """Less cyclic garbage collection over a long run of dossiers.

    A dossier's objects are freed by reference counting as soon as it is checked;
    the collector would still scan every object e4 has loaded, hundreds of times.
    Freezing what exists now (the modules, the referential, the validators) also
    keeps forked workers from copying those pages when the collector touches them.
    Measured: about 10 % less time a dossier over a class (benchmarks/).
    """
    import gc

    if gc.get_threshold()[0] >= _GC_THRESHOLD:
        return  # already tuned (a forked worker inherits it)
    gc.freeze()
    gc.set_threshold(_GC_THRESHOLD, 50, 1000)


@contextmanager
def _tuned_gc() -> Iterator[None]:
    """`_tune_gc` for the length of a run, then the collector as it was."""
    import gc

    before = gc.get_threshold()
    _tune_gc()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def _warm_up() -> None:
    """Import the checks and build the schema validators once, before the workers fork.

    Forked workers then start with all of it ready instead of each paying for it.
    """
    from e4cli.check.pipeline import check_dossier  # noqa: F401
    from e4cli.check.schema import DOCUMENT_SCHEMAS, fast_check, validator_for

    for name in DOCUMENT_SCHEMAS:
        fast_check(name)
        validator_for(name)


def _context() -> BaseContext:
    """fork where it is safe and cheap (Linux): workers start with e4 already imported.

    Elsewhere (macOS, Windows) the platform default, spawn, re-imports e4 in each
    worker. e4 runs no thread of its own (the progress bar refreshes by hand), so
    forking never copies a running thread.
    """
    import multiprocessing

    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()
