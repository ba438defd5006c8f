"""Turning rendered .docx bytes into PDF with a program found on this PC (no Qt).

The preview and the print preview show the PDF of the very bytes the export writes, so what
staff check is what goes into the envelope. Two converters:

- ``LibreOfficeConverter``: ``soffice --headless --convert-to pdf`` with a private profile
  folder, one per process and reused (two soffice runs sharing a profile block each other, and
  a user's own LibreOffice keeps working beside ours). Start-up dominates its cost (~1.1 s per
  call, ~0.2 s per further document in the same call), so ``convert`` takes a batch. On Linux
  it gets ``resources/fontconfig/fonts.conf`` so ＭＳ 明朝 is drawn with a Mincho face.
- ``pdf_word.ComWordConverter`` (Windows only): Microsoft Word through COM from this process
  (no script). It is the faithful choice where the documents will be printed from Word
  anyway, so ``find_converter`` prefers it on Windows, with LibreOffice behind it.

Every failure (program missing, crash, timeout, no PDF written) is raised as
``PdfConversionError`` with a sentence in Japanese and in English.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from noticedesk.core.bundled import bundled_dir
from noticedesk.core.user_error import UserError

# Seconds allowed for one call: a first start on a slow office PC (profile creation, virus
# scanner) takes several seconds, then each document adds a little.
BASE_TIMEOUT = 60.0
TIMEOUT_PER_DOCUMENT = 5.0
_STDERR_TAIL = 400  # characters of the program's own message kept in an error

# Writer's PDF export, with its bookmarks as named destinations: the marks by which a merged
# PDF is cut into one PDF per document (``pdf_split``). Fonts are embedded (subsets) and the
# text stays text by default. PDF/A is not selected: see ``pdf_export``. (An older
# LibreOffice without JSON filter options ignores them; the split then fails and the
# documents are converted one by one.)
PDF_EXPORT_FILTER = (
    'pdf:writer_pdf_Export:{"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}'
)


class PdfConversionError(UserError):
    """A document could not be turned into PDF; ``text(language)`` says why."""


class PdfConverter(Protocol):
    """Something that turns .docx bytes into PDF bytes, several documents per call."""

    @property
    def name(self) -> str:
        """The program's name as shown to staff ("LibreOffice", "Microsoft Word")."""
        ...

    def convert(self, documents: Sequence[bytes]) -> list[bytes]:
        """The PDF of each document, in order; raises PdfConversionError."""
        ...


def batch_timeout(count: int) -> float:
    return BASE_TIMEOUT + TIMEOUT_PER_DOCUMENT * max(count, 1)


# --- running a converter process ---------------------------------------------------------


def _run(
    command: Sequence[str], timeout: float, env: Mapping[str, str] | None, program: str
) -> subprocess.CompletedProcess[str]:
    """Run ``command``; on timeout kill it with every child it started (soffice is a launcher
    that starts soffice.bin, and killing only the launcher would leave the real work running).
    """
    options: dict[str, object] = {}
    if sys.platform == "win32":
        # No console window flashing up from the windowed program.
        options["creationflags"] = subprocess.CREATE_NO_WINDOW | subprocess.CREATE_NEW_PROCESS_GROUP
    else:
        options["start_new_session"] = True
    try:
        process = subprocess.Popen(
            list(command),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=dict(env) if env is not None else None,
            **options,  # type: ignore[call-overload]
        )
    except OSError as exc:
        raise PdfConversionError(
            f"{program} を起動できませんでした: {exc}",
            f"{program} could not be started: {exc}",
        ) from None
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_tree(process)
        process.communicate()
        raise PdfConversionError(
            f"{program} が {timeout:.0f} 秒以内に PDF を作成しませんでした。"
            "もう一度お試しください。繰り返す場合は PC を再起動してください。",
            f"{program} did not produce the PDF within {timeout:.0f} seconds. Try again; "
            "if it keeps happening, restart the PC.",
        ) from None
    return subprocess.CompletedProcess(list(command), process.returncode, stdout, stderr)


def kill_tree(process: subprocess.Popen[Any]) -> None:
    """Stop ``process`` with what it started (soffice is a launcher for soffice.bin), at once."""
    if process.poll() is None:
        if sys.platform == "win32":
            subprocess.run(
                ["taskkill", "/F", "/T", "/PID", str(process.pid)],
                capture_output=True,
                check=False,
                creationflags=subprocess.CREATE_NO_WINDOW,
            )
        else:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        process.kill()


def _tail(text: str) -> str:
    """The end of a program's own message, without LibreOffice's start-up noise."""
    lines = [line for line in text.splitlines() if "javaldx" not in line]
    return " ".join(" ".join(lines).split())[-_STDERR_TAIL:]


def _collect(
    folder: Path, names: Sequence[str], result: subprocess.CompletedProcess[str], program: str
) -> list[bytes]:
    """The PDFs a converter wrote into ``folder``, or a clear error naming what went wrong.

    soffice exits with 0 even when it could not load a document, so every PDF is checked.
    """
    missing = [name for name in names if not (folder / f"{name}.pdf").is_file()]
    if missing or result.returncode != 0:
        detail = _tail(result.stderr or "") or _tail(result.stdout or "")
        done = len(names) - len(missing)
        raise _failure(program, result.returncode, done, len(names), detail)
    return [(folder / f"{name}.pdf").read_bytes() for name in names]


def _failure(program: str, code: int, done: int, total: int, detail: str) -> PdfConversionError:
    suffix_ja = f"（{detail}）" if detail else ""
    suffix_en = f" ({detail})" if detail else ""
    return PdfConversionError(
        f"{program} で PDF に変換できませんでした（{total} 件中 {done} 件を作成、終了コード {code}）"
        f"{suffix_ja}",
        f"{program} could not convert the document to PDF ({done} of {total} made, exit code "
        f"{code}){suffix_en}",
    )


def _write_inputs(folder: Path, documents: Sequence[bytes]) -> list[str]:
    # Short ASCII names: the client's name may hold characters a command line mangles, and
    # the names only have to find each PDF again.
    names = [f"doc{number:04d}" for number in range(len(documents))]
    for name, data in zip(names, documents, strict=True):
        (folder / f"{name}.docx").write_bytes(data)
    return names


# --- LibreOffice ---------------------------------------------------------------------------

_profile_lock = threading.Lock()
_profile_dir: Path | None = None


def process_profile_dir() -> Path:
    """This process's LibreOffice profile folder: made on first use, removed at exit."""
    global _profile_dir
    with _profile_lock:
        if _profile_dir is None:
            _profile_dir = Path(tempfile.mkdtemp(prefix="noticedesk-lo-"))
            atexit.register(shutil.rmtree, _profile_dir, True)
        return _profile_dir


def fontconfig_file() -> Path:
    """The fontconfig file LibreOffice gets on Linux (aliases, then the system's own)."""
    return bundled_dir("resources") / "fontconfig" / "fonts.conf"


def libreoffice_environment(
    platform: str = sys.platform, environ: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The environment soffice runs in.

    On Linux, without an alias, ＭＳ 明朝 may be matched to a gothic face and the preview would
    not look like the printed letter; our fonts.conf maps ＭＳ 明朝/MS Mincho to Noto Serif CJK
    JP and ＭＳ ゴシック/MS Gothic to Noto Sans CJK JP and then includes the system's config.
    Windows and macOS have the real fonts (or their own substitutes) and are left alone.
    """
    env = dict(os.environ if environ is None else environ)
    if platform.startswith("linux"):
        conf = fontconfig_file()
        if conf.is_file():
            env["FONTCONFIG_FILE"] = str(conf)
    return env


class LibreOfficeConverter:
    """``soffice --headless --convert-to pdf`` on a batch of documents."""

    name = "LibreOffice"

    def __init__(
        self,
        binary: Path,
        *,
        timeout: float | None = None,
        profile_dir: Path | None = None,
        work_dir: Path | None = None,
    ) -> None:
        self.binary = Path(binary)
        self.timeout = timeout  # None: batch_timeout(len(documents))
        self._profile_dir = profile_dir
        self._work_dir = work_dir
        # One soffice at a time per profile: a second one would hand its job to the first
        # (or fail on the lock) instead of converting.
        self._lock = _profile_lock_for(profile_dir)

    @property
    def profile_dir(self) -> Path:
        return self._profile_dir or process_profile_dir()

    def with_timeout(self, timeout: float | None) -> LibreOfficeConverter:
        """The same converter (same profile, same lock) with another time limit per call."""
        return LibreOfficeConverter(
            self.binary, timeout=timeout, profile_dir=self._profile_dir, work_dir=self._work_dir
        )

    def command(self, inputs: Sequence[Path], out_dir: Path) -> list[str]:
        return [
            str(self.binary),
            f"-env:UserInstallation={self.profile_dir.resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            "--convert-to",
            PDF_EXPORT_FILTER,
            "--outdir",
            str(out_dir),
            *(str(p) for p in inputs),
        ]

    def convert(self, documents: Sequence[bytes]) -> list[bytes]:
        if not documents:
            return []
        timeout = self.timeout if self.timeout is not None else batch_timeout(len(documents))
        with (
            tempfile.TemporaryDirectory(prefix="noticedesk-pdf-", dir=self._work_dir) as tmp,
            self._lock,
        ):
            folder = Path(tmp)
            names = _write_inputs(folder, documents)
            out = folder / "pdf"
            out.mkdir()
            command = self.command([folder / f"{n}.docx" for n in names], out)
            result = _run(command, timeout, libreoffice_environment(), self.name)
            return _collect(out, names, result, self.name)


_profile_locks: dict[Path | None, threading.Lock] = {}


def _profile_lock_for(profile_dir: Path | None) -> threading.Lock:
    with _profile_lock:
        return _profile_locks.setdefault(profile_dir, threading.Lock())


def libreoffice_candidates(
    platform: str = sys.platform, environ: Mapping[str, str] | None = None
) -> list[Path]:
    """Where LibreOffice is usually installed when it is not on PATH."""
    env = os.environ if environ is None else environ
    if platform == "win32":
        roots = [env.get(k, "") for k in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
        roots += [r"C:\Program Files", r"C:\Program Files (x86)"]
        return [
            Path(root) / "LibreOffice" / "program" / "soffice.exe"
            for root in dict.fromkeys(r for r in roots if r)
        ]
    if platform == "darwin":
        return [
            Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
            Path.home() / "Applications/LibreOffice.app/Contents/MacOS/soffice",
        ]
    # The tarball from libreoffice.org installs into /opt/libreofficeX.Y; newest first.
    return [
        *sorted(Path("/opt").glob("libreoffice*/program/soffice"), reverse=True),
        Path("/snap/bin/libreoffice"),
    ]


def find_libreoffice(
    search_path: str | None = None,
    candidates: Sequence[Path] | None = None,
) -> Path | None:
    """soffice on PATH (``search_path`` replaces PATH), else at a usual install place."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name, path=search_path)
        if found:
            return Path(found)
    for candidate in libreoffice_candidates() if candidates is None else candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


# --- Microsoft Word (Windows) ----------------------------------------------------------------


def find_word() -> PdfConverter | None:
    """Word through COM (``pdf_word``), when Word is registered and comtypes is installed."""
    if sys.platform != "win32":
        return None
    import importlib.util
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"Word.Application\CLSID"):
            pass
    except OSError:
        return None
    if importlib.util.find_spec("comtypes") is None:
        return None
    from noticedesk.core.documents.pdf_word import ComWordConverter

    return ComWordConverter()


# --- choosing -----------------------------------------------------------------------------------


def find_converter(
    search_path: str | None = None,
    *,
    candidates: Sequence[Path] | None = None,
    platform: str = sys.platform,
    notify: Callable[[str, str], None] | None = None,
) -> PdfConverter | None:
    """The converter to use on this PC, or None when there is none.

    Windows: Word first (the office prints from Word, so its layout is the one that counts),
    falling back to LibreOffice when Word fails (``notify(ja, en)`` is told why, once; see
    ``pdf_word.FallbackConverter``). Elsewhere: LibreOffice. ``search_path`` and
    ``candidates`` replace PATH and the usual install places (tests).
    """
    binary = find_libreoffice(search_path, candidates)
    libreoffice = LibreOfficeConverter(binary) if binary is not None else None
    if platform == "win32" and search_path is None and candidates is None:
        word = find_word()
        if word is not None:
            from noticedesk.core.documents.pdf_word import FallbackConverter

            return FallbackConverter(word, libreoffice, notify)
    return libreoffice


__all__ = [
    "LibreOfficeConverter",
    "PdfConversionError",
    "PdfConverter",
    "find_converter",
    "find_libreoffice",
    "find_word",
    "libreoffice_environment",
]
