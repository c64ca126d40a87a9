"""Headless Chromium, when it is installed: print a report to PDF, take screenshots, read the rendered DOM.

Chromium is a system program (Debian: ``apt-get install chromium``), never a Python dependency; every
function here raises a :class:`ReformlabError` that says how to get it when it is missing. The flags are the
ones that work without a network and as root (no sandbox, no background connections, a fresh profile).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from reformlab.errors import ReformlabError

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")

HEADLESS_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
)


def find_chromium() -> str | None:
    """The Chromium executable: ``$REFORMLAB_CHROMIUM`` if set, else the first candidate on ``PATH``."""
    chosen = os.environ.get("REFORMLAB_CHROMIUM")
    if chosen:
        return chosen if Path(chosen).is_file() else shutil.which(chosen)
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def run_headless(target: str | Path, arguments: Sequence[str], *, timeout: float = 120) -> str:
    """Run headless Chromium on ``target`` (a file path or URL) with extra ``arguments``; return its stdout.

    Raises:
        ReformlabError: Chromium is not installed, fails, or takes longer than ``timeout`` seconds.
    """
    executable = find_chromium()
    if executable is None:
        raise ReformlabError(
            "headless Chromium is needed for this and was not found",
            fix="install it (Debian/Ubuntu: apt-get install chromium) or set REFORMLAB_CHROMIUM to its path",
        )
    url = target if "://" in str(target) else Path(target).resolve().as_uri()
    with tempfile.TemporaryDirectory(prefix="reformlab-chromium-") as profile:
        command = [executable, *HEADLESS_FLAGS, f"--user-data-dir={profile}", *arguments, url]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise ReformlabError(f"Chromium took longer than {timeout:g} s on {target}",
                                 fix="retry; if it keeps happening, open the HTML report and print it") from None
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise ReformlabError(f"Chromium failed on {target} (exit {done.returncode}): {last}",
                             fix="open the HTML report in a browser instead")
    return done.stdout


def html_to_pdf(html: str, *, timeout: float = 120) -> bytes:
    """The PDF Chromium prints from ``html`` (A4 or Letter by locale, no header or footer)."""
    with tempfile.TemporaryDirectory(prefix="reformlab-pdf-") as folder:
        page, pdf = Path(folder) / "report.html", Path(folder) / "report.pdf"
        page.write_text(html, encoding="utf-8")
        run_headless(page, [f"--print-to-pdf={pdf}", "--no-pdf-header-footer"], timeout=timeout)
        if not pdf.is_file() or pdf.stat().st_size == 0:
            raise ReformlabError("Chromium printed no PDF", fix="open the HTML report and print it to PDF")
        return pdf.read_bytes()


def screenshot(page: str | Path, output: str | Path, *, width: int, height: int, timeout: float = 120) -> Path:
    """A PNG screenshot of ``page`` in a ``width`` x ``height`` window, written to ``output``."""
    run_headless(page, [f"--screenshot={Path(output).resolve()}", f"--window-size={width},{height}"],
                 timeout=timeout)
    return Path(output)


def dump_dom(page: str | Path, *, window_size: tuple[int, int] | None = None, timeout: float = 120) -> str:
    """The page's DOM as Chromium serialises it after loading and running its scripts.

    Args:
        page: a file path or URL.
        window_size: (width, height) of the window, for pages whose layout depends on it.
        timeout: seconds before giving up.
    """
    size = [f"--window-size={window_size[0]},{window_size[1]}"] if window_size else []
    return run_headless(page, [*size, "--dump-dom"], timeout=timeout)
