""".doc (Word 97–2003), .wps (Kingsoft WPS) and .rtf → .docx through LibreOffice in headless mode, then read
as a .docx (tables come through as in .docx).

Nothing in Python reads the Word binary format well enough (its text sits in pieces scattered over an OLE2
container, tables are marked by control characters); LibreOffice's import filters are what bureaus' own
archives are opened with. Each conversion runs in a fresh temporary folder with its own LibreOffice profile
(`-env:UserInstallation`), so parallel conversions never share a lock or a profile, and in its own process
group, killed whole when it runs past `TIMEOUT_SECONDS` (a damaged file can make LibreOffice hang), and
under an address-space cap of `MEMORY_LIMIT_BYTES` (util-linux's `prlimit`, inherited by the processes
LibreOffice starts), so a file that makes it grow without end fails alone instead of starving the machine.
Debian: `apt-get install libreoffice-writer-nogui`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from loaders.decoding import Decoded, LoadError

TIMEOUT_SECONDS = 60.0
MEMORY_LIMIT_BYTES = 2 << 30  # LibreOffice converts a small reply within 0.6 GB of address space
MAX_DOCX_BYTES = 60 * 1024 * 1024  # what LibreOffice writes back: a reply's .docx is a few MB at most
SUFFIX = {"doc": ".doc", "wps": ".wps", "rtf": ".rtf"}
# The import filter is named, never detected: on a file it does not recognise LibreOffice falls back to
# importing the bytes as plain text, which would turn a damaged file into pages of noise. Kingsoft's .wps is
# the Word 97 format (Microsoft Works' older .wps, which is not, is not read).
IMPORT_FILTER = {"doc": "MS Word 97", "wps": "MS Word 97", "rtf": "Rich Text Format"}
WORD_STREAM = "WordDocument".encode("utf-16-le")  # the stream with a Word file's text, named in its directory


def soffice_command() -> list[str]:
    """The LibreOffice executable; a LoadError saying how to install it when there is none."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return [found]
    raise LoadError(
        "cannot read .doc/.wps/.rtf: LibreOffice is not installed "
        "(Debian: apt-get install libreoffice-writer-nogui)"
    )


def read_legacy_word(data: bytes, fmt: str) -> Decoded:
    from loaders.formats.docx_reader import read_docx

    if fmt in ("doc", "wps") and WORD_STREAM not in data:
        raise LoadError(
            f"not a Word document: the .{fmt} file has no Word text (an Excel or PowerPoint file?)"
        )
    decoded = read_docx(convert_to_docx(data, SUFFIX.get(fmt, ".doc"), IMPORT_FILTER.get(fmt, "MS Word 97")))
    return replace(decoded, format=fmt, encoding="libreoffice")


def convert_to_docx(data: bytes, suffix: str, import_filter: str) -> bytes:
    """The file's bytes converted by LibreOffice; LoadError on a timeout, a crash or no output."""
    command = soffice_command()
    with tempfile.TemporaryDirectory(prefix="reply-convert-") as folder:
        work = Path(folder)
        source = work / f"reply{suffix}"
        source.write_bytes(data)
        args = [
            *command,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            f"--infilter={import_filter}",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        _run_bounded(_memory_capped(args), env={**os.environ, "HOME": folder})
        target = work / "out" / "reply.docx"
        if not target.is_file():
            raise LoadError(
                f"LibreOffice could not read the {suffix} file (damaged, or not a text document?)"
            )
        if target.stat().st_size > MAX_DOCX_BYTES:
            raise LoadError(f"refused: the {suffix} file converts to more than {MAX_DOCX_BYTES >> 20} MB")
        return target.read_bytes()


def _memory_capped(args: list[str]) -> list[str]:
    """The command under an address-space cap (prlimit sets it before exec; no preexec_fn in a threaded app)."""
    prlimit = shutil.which("prlimit")
    return [prlimit, f"--as={MEMORY_LIMIT_BYTES}", "--", *args] if prlimit else args


def _run_bounded(args: list[str], env: dict[str, str]) -> None:
    """Run LibreOffice in its own process group; kill the whole group when it runs too long."""
    try:
        process = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            env=env,
        )
    except OSError as err:
        raise LoadError(f"cannot start LibreOffice ({type(err).__name__}: {err})") from None
    try:
        process.wait(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        raise LoadError(
            f"refused: LibreOffice did not finish converting in {TIMEOUT_SECONDS:.0f} s (a damaged file?)"
        ) from None
    finally:
        _kill_group(process)


def _kill_group(process: subprocess.Popen) -> None:
    """Whatever LibreOffice left behind in its group (oosplash starts soffice.bin) is ended too."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
