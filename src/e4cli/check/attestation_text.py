"""Read an attestation's words: the PDF's text layer, or Tesseract OCR for a scan or a photo.

Used by the facts step (check/facts.py) so that A006–A009 judge what the
attestation *says*. Why these tools:

- pdfplumber (over pdfminer.six) reads the text layer; e4 import reads PDF
  tables with it too, so there is one PDF text library in e4;
- a page without text is rendered with pypdfium2 (PDFium, installed with
  pdfplumber) and read by the `tesseract` program with its French data
  (Debian `tesseract-ocr`, `tesseract-ocr-fra`), called as a subprocess with a
  timeout: the command line is stable across versions, where pytesseract would
  only wrap it.

A hostile file must never crash nor hang e4: every file is read in a forked
child with a memory ceiling (RLIMIT_AS) and a deadline, and killed past it;
only the first MAX_PAGES pages are read, files above MAX_BYTES are not opened.
Whatever goes wrong becomes `failure` (French), reported by A009.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

from e4cli.check import attestation_cache
from e4cli.check.attestation_facts import MIN_TEXT, AttestationText, letters
from e4cli.util.cache import digest

MAX_BYTES = 20 << 20  # an attestation is a page or two: a few hundred kilobytes
MAX_PAGES = 3
TEXT_SECONDS = 15.0  # reading the text layer of one file
OCR_SECONDS = 30.0  # tesseract on one page
TOTAL_SECONDS = 75.0  # one file, OCR included
MEMORY_BYTES = 1 << 30  # above what the process already maps
MAX_PIXELS = 3500 * 3500  # a page rendered for OCR, whatever its declared size
OCR_DPI = 300

ENV_TESSERACT = "E4_TESSERACT"  # the tesseract program to use; "none" disables OCR


def read_attestation(path: Path, kind: str) -> AttestationText:
    """Read `path` (`kind`: "pdf", "png" or "jpeg", from its first bytes). Never raises."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return AttestationText(
            failure=f"le fichier ne se lit pas ({exc.strerror or exc})", transient=True
        )
    if size > MAX_BYTES:
        return AttestationText(
            failure=f"le fichier est trop volumineux pour être lu ({size >> 20} Mo, "
            f"{MAX_BYTES >> 20} Mo au plus)"
        )
    try:
        key = digest(path.read_bytes())
    except OSError as exc:
        return AttestationText(
            failure=f"le fichier ne se lit pas ({exc.strerror or exc})", transient=True
        )
    tesseract = find_tesseract()
    kept = attestation_cache.lookup(key, tesseract[0])
    if kept is not None:
        return kept
    reading = _isolated(path, kind, tesseract)
    attestation_cache.store(key, reading, tesseract[0])
    return reading


def find_tesseract() -> tuple[str | None, str | None]:
    """(the tesseract program, None) or (None, why OCR is unavailable)."""
    explicit = os.environ.get(ENV_TESSERACT)
    if explicit is not None and explicit.lower() in ("", "0", "none", "non"):
        return None, f"l'OCR est désactivée ({ENV_TESSERACT}={explicit})"
    program = shutil.which(explicit) if explicit else shutil.which("tesseract")
    if program is None:
        return None, "Tesseract n'est pas installé (paquet tesseract-ocr)"
    return program, None


_LANGS: dict[str, bool] = {}


def _has_french(program: str) -> bool:
    if program not in _LANGS:
        try:
            listed = subprocess.run(
                [program, "--list-langs"], capture_output=True, text=True, timeout=10, check=False
            )
            _LANGS[program] = "fra" in listed.stdout.split()
        except (OSError, subprocess.SubprocessError):
            _LANGS[program] = False
    return _LANGS[program]


# ------------------------------------------------------------------ isolation


def _isolated(path: Path, kind: str, tesseract: tuple[str | None, str | None]) -> AttestationText:
    """Run `_read` in a forked child under a memory ceiling and a deadline (POSIX)."""
    if not hasattr(os, "fork"):  # Windows: read here, bounded by size and pages only
        return _guarded_read(path, kind, tesseract)
    _warm()
    reader, writer = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads (3.12+)
        pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 0
        try:
            os.close(reader)
            gc.disable()  # a collection would touch, and so copy, every page of the parent's heap
            _limit_memory()
            signal.signal(signal.SIGALRM, _too_long)
            signal.alarm(int(TOTAL_SECONDS))
            result = _guarded_read(path, kind, tesseract)
            data = pickle.dumps(result)
            with os.fdopen(writer, "wb") as out:
                out.write(data)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(writer)
    answer = _collect(reader, pid, TOTAL_SECONDS + 5)
    if answer is None:
        return AttestationText(
            failure=f"sa lecture dépasse {TOTAL_SECONDS:g} s ou la mémoire permise : le fichier "
            "est anormalement lourd (PDF piégé ?)",
            transient=True,
        )
    try:
        decoded: object = pickle.loads(answer)
    except Exception:  # a child killed mid-write: said below, never raised
        decoded = None
    if not isinstance(decoded, AttestationText):
        return AttestationText(
            failure="sa lecture a échoué (mémoire dépassée : le fichier est anormalement lourd)",
            transient=True,
        )
    return decoded


_WARM: list[bool] = []


def _warm() -> None:
    """Read a one-line PDF here once: pdfminer's lazy tables (fonts, encodings) are then
    loaded in this process and shared by every child, which reads 3-4 times faster."""
    if _WARM:
        return
    _WARM.append(True)
    import io

    import pdfplumber

    from e4cli.util.minipdf import one_line_pdf

    pdf = one_line_pdf("e4")
    try:
        with pdfplumber.open(io.BytesIO(pdf)) as document:
            document.pages[0].extract_text()
    except Exception:  # only an optimisation: the children read without it
        return


def _collect(reader: int, pid: int, seconds: float) -> bytes | None:
    """The child's answer, or None if it died or overran: then it is killed."""
    deadline = time.monotonic() + seconds
    chunks: list[bytes] = []
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            ready, _, _ = select.select([reader], [], [], left)
            if not ready:
                break
            chunk = os.read(reader, 1 << 16)
            if not chunk:
                _, status = os.waitpid(pid, 0)
                ok = os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
                return b"".join(chunks) if ok else None
            chunks.append(chunk)
    finally:
        os.close(reader)
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    return None


def _limit_memory() -> None:
    try:
        import resource

        mapped = _mapped_bytes()
        if mapped is not None:
            ceiling = mapped + MEMORY_BYTES
            resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
    except (ImportError, OSError, ValueError):
        return  # no ceiling on this system: the deadline still holds


def _mapped_bytes() -> int | None:
    try:
        with Path("/proc/self/statm").open() as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


class _TooLong(Exception):
    pass


def _too_long(signum: int, frame: object) -> None:
    raise _TooLong


# ------------------------------------------------------------------ reading


def _guarded_read(
    path: Path, kind: str, tesseract: tuple[str | None, str | None]
) -> AttestationText:
    try:
        if kind == "pdf":
            return _read_pdf(path, tesseract)
        return _read_image(path, tesseract)
    except _TooLong:
        return AttestationText(failure=f"sa lecture dépasse {TOTAL_SECONDS:g} s", transient=True)
    except subprocess.TimeoutExpired:
        return AttestationText(
            failure=f"sa lecture par OCR dépasse {OCR_SECONDS:g} s pour une page", transient=True
        )
    except MemoryError:
        return AttestationText(
            failure="sa lecture dépasse la mémoire permise (PDF piégé ?)", transient=True
        )
    except Exception as exc:  # a damaged file is reported by A009, never a crash
        if any(isinstance(e, MemoryError) for e in (exc.__cause__, exc.__context__, *exc.args)):
            return AttestationText(
                failure="sa lecture dépasse la mémoire permise (PDF piégé ?)", transient=True
            )
        return AttestationText(failure=f"il est endommagé ({type(exc).__name__})")


def _read_pdf(path: Path, tesseract: tuple[str | None, str | None]) -> AttestationText:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(str(path))
    except Exception as exc:
        causes = [exc, *(e for e in (exc.__cause__, exc.__context__, *exc.args) if e)]
        if any(isinstance(e, PDFPasswordIncorrect | PDFEncryptionError) for e in causes):
            return AttestationText(
                failure="il est protégé par un mot de passe : ni e4 ni le jury ne peuvent "
                "l'ouvrir"
            )
        return AttestationText(failure=f"ce n'est pas un PDF lisible ({type(exc).__name__})")
    with pdf:
        total = len(pdf.pages)
        pages = pdf.pages[:MAX_PAGES]
        started = time.monotonic()
        texts = []
        cut_short = False  # by the deadline: another run, less loaded, would read more
        for page in pages:
            if time.monotonic() - started > TEXT_SECONDS:
                cut_short = True
                break
            texts.append(page.extract_text() or "")
        text = "\n".join(texts)
    if letters(text) >= MIN_TEXT:
        return AttestationText(text, "text", len(texts), total, transient=cut_short)
    program, why_not = tesseract
    if program is None or not _has_french(program):
        return AttestationText(
            pages_read=len(texts),
            pages_total=total,
            no_text=True,
            ocr_unavailable=why_not or "les données françaises de Tesseract manquent "
            "(paquet tesseract-ocr-fra)",
        )
    return _ocr_pdf(path, program, total)


def _ocr_pdf(path: Path, program: str, total: int) -> AttestationText:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    texts: list[str] = []
    document = pdfium.PdfDocument(str(path))
    try:
        with tempfile.TemporaryDirectory(prefix="e4-ocr-") as work:
            for number in range(min(len(document), MAX_PAGES)):
                page = document[number]
                width, height = page.get_size()
                scale = OCR_DPI / 72
                if width * height * scale * scale > MAX_PIXELS:
                    scale = (MAX_PIXELS / max(width * height, 1.0)) ** 0.5
                image = page.render(scale=scale, grayscale=True).to_pil()
                png = Path(work) / f"page{number + 1}.png"
                image.save(png)
                texts.append(_tesseract(program, png))
    finally:
        document.close()
    return AttestationText("\n".join(texts), "ocr", len(texts), total, no_text=True)


def _read_image(path: Path, tesseract: tuple[str | None, str | None]) -> AttestationText:
    program, why_not = tesseract
    if program is None or not _has_french(program):
        return AttestationText(
            pages_total=1,
            no_text=True,
            ocr_unavailable=why_not or "les données françaises de Tesseract manquent "
            "(paquet tesseract-ocr-fra)",
        )
    from PIL import Image

    with Image.open(path) as image:  # the header only: refuse a decompression bomb
        width, height = image.size
    if width * height > 4 * MAX_PIXELS:
        return AttestationText(
            failure=f"l'image est démesurée ({width} × {height} pixels)", no_text=True
        )
    return AttestationText(_tesseract(program, path), "ocr", 1, 1, no_text=True)


def _tesseract(program: str, image: Path) -> str:
    done = subprocess.run(
        [program, str(image), "stdout", "-l", "fra", "--psm", "3"],
        capture_output=True,
        timeout=OCR_SECONDS,
        check=False,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    )
    return done.stdout.decode("utf-8", "replace")


if __name__ == "__main__":  # python -m e4cli.check.attestation_text FILE.pdf: what e4 reads
    target = Path(sys.argv[1])
    head = target.read_bytes()[:1024]
    found = "png" if head.startswith(b"\x89PNG") else "pdf"
    found = "jpeg" if head[:3] == b"\xff\xd8\xff" else found
    print(read_attestation(target, found))
