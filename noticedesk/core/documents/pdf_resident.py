"""One LibreOffice kept running for the preview, driven through its UNO bridge (no Qt).

``soffice --convert-to`` costs about a second per call, nearly all of it start-up, so a
client not seen yet took about 1.05 s to preview. ``ResidentConverter`` starts LibreOffice
once per session, listening on a private named pipe with its own profile folder, and hands it
one document at a time through ``uno_bridge.py`` (about 0.1 s per document once running).

That script runs in another interpreter, one that has LibreOffice's ``uno`` module:
NoticeDesk's own Python cannot load it. ``uno_python_candidates`` lists where such an
interpreter lives: LibreOffice's bundled Python beside ``soffice`` (Windows, macOS, the
libreoffice.org packages for Linux), else the system ``python3`` (Debian/Ubuntu with
``python3-uno``).

Decisions:
- Started on first use, not with the window: a session that never opens the preview starts
  no LibreOffice. Stopped when the window closes (``shut_down``), and at exit or when the
  converter is dropped (``weakref.finalize``), its profile folder removed with it; a worker
  still converting then gets an error rather than start a LibreOffice that outlives us.
- One document at a time (a lock): the preview's jobs, its neighbours rendered ahead and the
  print preview of a selection all share it from worker threads.
- A time limit per document (``DOCUMENT_TIMEOUT``); one that runs over is taken as a hung
  LibreOffice: both processes are stopped, the document is not tried again (staff get the
  error) and the next call starts them afresh.
- LibreOffice or the bridge gone (crash, killed): started again once and the document tried
  again; a second failure is the staff's error message.
- No interpreter with ``uno`` (or a bridge that cannot start LibreOffice at all): falls back
  for the session to the one-shot ``LibreOfficeConverter`` and says so once in ``notice``,
  which the preview shows in plain words. Slower, never wrong.
- The export keeps its batch conversion (``pdf_merged``): merged chunks in a few
  ``--convert-to`` calls are faster per document than any single-document path, and running
  apart from the preview's LibreOffice, neither waits for the other.
- The same Writer PDF export with the same filter options as ``--convert-to``
  (``pdf.PDF_EXPORT_FILTER``): the preview's PDF is the export's PDF.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import weakref
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from noticedesk.core.documents.pdf import (
    LibreOfficeConverter,
    PdfConversionError,
    PdfConverter,
    kill_tree,
    libreoffice_environment,
)

BRIDGE_SCRIPT = Path(__file__).with_name("uno_bridge.py")
START_TIMEOUT = 60.0  # a first start on a slow office PC makes the profile folder
DOCUMENT_TIMEOUT = 30.0  # a two-page letter takes about 0.1 s; far over that is a hang

_NO_BRIDGE_NOTICE = (
    "この PC の LibreOffice には常駐用の部品（Debian/Ubuntu では python3-uno パッケージ）が"
    "ないため、プレビューは表示のたびに LibreOffice を起動します（1 件あたり約 1 秒）。",
    "This PC's LibreOffice lacks the part that keeps it running (on Debian/Ubuntu, the "
    "python3-uno package), so the preview starts LibreOffice for each client (about a second "
    "each).",
)


def uno_python_candidates(soffice: Path, platform: str = sys.platform) -> list[Path]:
    """Interpreters that may have LibreOffice's ``uno``, the most likely first."""
    program = soffice.resolve().parent
    if platform == "win32":
        return [program / "python.exe"]
    if platform == "darwin":  # …/LibreOffice.app/Contents/MacOS/soffice
        return [program.parent / "Resources" / "python"]
    # The libreoffice.org packages bring their own Python; distributions use the system one.
    return [program / "python", Path("/usr/bin/python3")]


def find_uno_python(candidates: Sequence[Path]) -> Path | None:
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


class _Bridge:
    """A running soffice and the bridge script connected to it."""

    def __init__(self, soffice: subprocess.Popen[bytes], bridge: subprocess.Popen[str]) -> None:
        self.soffice = soffice
        self.bridge = bridge
        self.lines: queue.Queue[str | None] = queue.Queue()
        stdout = bridge.stdout
        assert stdout is not None
        self._pump = threading.Thread(target=_pump, args=(stdout, self.lines), daemon=True)
        self._pump.start()

    def alive(self) -> bool:
        return self.soffice.poll() is None and self.bridge.poll() is None

    def read(self, timeout: float) -> dict[str, Any] | None:
        """The bridge's next answer; None when it ended or ``timeout`` passed."""
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            return None
        if line is None:
            return None
        try:
            answer = json.loads(line)
        except ValueError:
            return None
        return answer if isinstance(answer, dict) else None

    def send(self, request: Mapping[str, str]) -> bool:
        stdin = self.bridge.stdin
        assert stdin is not None
        try:
            stdin.write(json.dumps(request) + "\n")
            stdin.flush()
        except (OSError, ValueError):
            return False
        return True

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            if self.bridge.stdin is not None:
                self.bridge.stdin.close()
        for process in (self.bridge, self.soffice):
            _stop_tree(process)
        self._pump.join(5)  # the bridge has ended: its output is at its end
        if not self._pump.is_alive() and self.bridge.stdout is not None:
            self.bridge.stdout.close()


def _pump(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    with contextlib.suppress(OSError, ValueError):
        for line in stream:
            lines.put(line)
    lines.put(None)


def _stop_tree(process: subprocess.Popen[Any]) -> None:
    """``kill_tree``, then wait for the process to be gone."""
    kill_tree(process)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(5)


class _Processes:
    """What a ``ResidentConverter`` leaves running or on disk, to end when it goes."""

    def __init__(self) -> None:
        self.bridge: _Bridge | None = None
        self.profile: Path | None = None  # kept across restarts: a second start is quicker
        self.closed = False  # the converter has gone (or the program is ending): no new start

    def stop(self) -> None:
        bridge, self.bridge = self.bridge, None
        if bridge is not None:
            bridge.stop()

    def close(self) -> None:
        self.closed = True
        self.stop()
        if self.profile is not None:
            shutil.rmtree(self.profile, ignore_errors=True)


class _NoUno(Exception):
    """The interpreter has no ``uno``: fall back for the session."""


class _Dead(Exception):
    """LibreOffice or the bridge went away, or hung: start again."""


class ResidentConverter:
    """LibreOffice kept running, one document at a time; see the module's decisions."""

    name = "LibreOffice"

    def __init__(
        self,
        binary: Path,
        *,
        python_candidates: Sequence[Path] | None = None,
        fallback: PdfConverter | None = None,
        document_timeout: float = DOCUMENT_TIMEOUT,
        start_timeout: float = START_TIMEOUT,
        notify: Callable[[str, str], None] | None = None,
    ) -> None:
        self.binary = Path(binary)
        self.python_candidates = (
            list(python_candidates)
            if python_candidates is not None
            else uno_python_candidates(self.binary)
        )
        self.fallback = fallback if fallback is not None else LibreOfficeConverter(self.binary)
        self.document_timeout = document_timeout
        self.start_timeout = start_timeout
        self.notify = notify
        self.notice: tuple[str, str] | None = None  # why it fell back, once it did
        self.starts = 0  # LibreOffice starts so far (tests, the benchmark)
        self._processes = _Processes()
        self._falling_back = False
        self._lock = threading.Lock()
        weakref.finalize(self, self._processes.close)

    @property
    def stays_running(self) -> bool:
        """Whether a further document costs a fraction of a second (not the one-shot path)."""
        return not self._falling_back

    @property
    def soffice_pid(self) -> int | None:
        """The running LibreOffice's process id (None: not running)."""
        bridge = self._processes.bridge
        return bridge.soffice.pid if bridge is not None and bridge.alive() else None

    def convert(self, documents: Sequence[bytes]) -> list[bytes]:
        if not documents:
            return []
        with self._lock:
            if self._falling_back:
                return self.fallback.convert(documents)
            with tempfile.TemporaryDirectory(prefix="noticedesk-preview-") as tmp:
                try:
                    return [
                        self._convert_one(data, Path(tmp), number)
                        for number, data in enumerate(documents)
                    ]
                except _NoUno as exc:
                    self._fall_back(str(exc))
            return self.fallback.convert(documents)

    def shut_down(self) -> None:
        """Stop LibreOffice and the bridge (started again when next needed)."""
        with self._lock:
            self._stop()

    def close(self) -> None:
        """Stop LibreOffice for good and remove its profile (the program ends). Not waiting
        for a document being converted: its worker then gets an error, and no new start."""
        self._processes.close()

    # -- one document --------------------------------------------------------------------------
    def _convert_one(self, data: bytes, folder: Path, number: int) -> bytes:
        source = folder / f"doc{number:04d}.docx"
        target = folder / f"doc{number:04d}.pdf"
        source.write_bytes(data)
        for attempt in (1, 2):
            try:
                self._ask(source, target)
                return target.read_bytes()
            except _Dead as exc:
                self._stop()
                if attempt == 2:
                    raise self._error(str(exc)) from None
        raise AssertionError("unreachable")

    def _ask(self, source: Path, target: Path) -> None:
        bridge = self._running_bridge()
        if not bridge.send({"docx": str(source), "pdf": str(target)}):
            raise _Dead("the bridge to LibreOffice has ended")
        answer = bridge.read(self.document_timeout)
        if answer is None:
            if bridge.alive():
                # Hung: not tried again (it would hang as long again); the next call starts
                # a fresh LibreOffice.
                self._stop()
                raise self._error(f"no PDF within {self.document_timeout:.0f} seconds")
            raise _Dead("LibreOffice has ended")
        if answer.get("ok") is True and target.is_file():
            return
        if answer.get("connected") is False or not bridge.alive():
            raise _Dead(str(answer.get("error", "LibreOffice has ended")))
        raise self._error(str(answer.get("error", "")))

    # -- starting and stopping -------------------------------------------------------------
    def _running_bridge(self) -> _Bridge:
        bridge = self._processes.bridge
        if bridge is not None and bridge.alive():
            return bridge
        self._stop()
        if self._processes.closed:
            # A worker still converting as the program ends: a LibreOffice started now would
            # outlive it.
            raise self._error("NoticeDesk is closing")
        python = find_uno_python(self.python_candidates)
        if python is None or not BRIDGE_SCRIPT.is_file():
            raise _NoUno("no Python with LibreOffice's uno module")
        started = self._start(python)
        self._processes.bridge = started
        if self._processes.closed:  # closed while it was starting
            self._stop()
            raise self._error("NoticeDesk is closing")
        return started

    def _start(self, python: Path) -> _Bridge:
        profile = self._processes.profile
        if profile is None:
            profile = Path(tempfile.mkdtemp(prefix="noticedesk-lo-resident-"))
            self._processes.profile = profile
        pipe = f"noticedesk-{os.getpid()}-{secrets.token_hex(8)}"
        options: dict[str, Any] = {}
        if sys.platform == "win32":
            options["creationflags"] = (
                subprocess.CREATE_NO_WINDOW | subprocess.CREATE_NEW_PROCESS_GROUP
            )
        else:
            options["start_new_session"] = True
        self.starts += 1
        try:
            soffice = subprocess.Popen(
                [
                    str(self.binary),
                    f"-env:UserInstallation={profile.resolve().as_uri()}",
                    "--headless",
                    "--invisible",
                    "--norestore",
                    "--nolockcheck",
                    "--nodefault",
                    "--nologo",
                    f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=libreoffice_environment(),
                **options,
            )
        except OSError as exc:
            raise self._error(str(exc)) from None
        try:
            bridge = subprocess.Popen(
                [str(python), str(BRIDGE_SCRIPT), pipe, str(self.start_timeout)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                encoding="utf-8",
                env=_bridge_environment(),
                **options,
            )
        except OSError as exc:
            _stop_tree(soffice)
            raise _NoUno(str(exc)) from None
        started = _Bridge(soffice, bridge)
        ready = self._wait_ready(started)
        if ready is not None and ready.get("ready") is True:
            return started
        started.stop()
        if ready is None or ready.get("uno") is False:
            # No uno, or an interpreter that is not a Python at all.
            raise _NoUno(str((ready or {}).get("error", "the bridge did not start")))
        raise _Dead(str(ready.get("error", "LibreOffice did not start")))

    def _wait_ready(self, started: _Bridge) -> dict[str, Any] | None:
        """The bridge's first answer, or None when it or LibreOffice ended first."""
        for _ in range(int((self.start_timeout + 5) / 0.25)):
            answer = started.read(0.25)
            if answer is not None:
                return answer
            if started.soffice.poll() is not None:
                return {"ready": False, "error": "LibreOffice ended as it started"}
            if started.bridge.poll() is not None:
                return started.read(0.25)  # it may have said why just before it ended
        return None

    def _stop(self) -> None:
        self._processes.stop()

    def _fall_back(self, why: str) -> None:
        self._stop()
        self._falling_back = True
        self.notice = _NO_BRIDGE_NOTICE
        if self.notify is not None:
            self.notify(*self.notice)

    def _error(self, detail: str) -> PdfConversionError:
        suffix_ja = f"（{detail}）" if detail else ""
        suffix_en = f" ({detail})" if detail else ""
        return PdfConversionError(
            f"LibreOffice で PDF に変換できませんでした{suffix_ja}。もう一度お試しください。",
            f"LibreOffice could not convert the document to PDF{suffix_en}. Try again.",
        )


def _bridge_environment() -> dict[str, str]:
    """The bridge's environment: without this program's own Python settings, which would
    point the other interpreter at the wrong standard library."""
    env = libreoffice_environment()
    for name in ("PYTHONHOME", "PYTHONPATH", "PYTHONSTARTUP"):
        env.pop(name, None)
    return env


def find_preview_converter(
    search_path: str | None = None,
    *,
    candidates: Sequence[Path] | None = None,
    platform: str = sys.platform,
    notify: Callable[[str, str], None] | None = None,
) -> PdfConverter | None:
    """The preview's converter: Word on Windows where installed (as ``find_converter``),
    else LibreOffice kept running (``ResidentConverter``)."""
    from noticedesk.core.documents.pdf import find_converter

    found = find_converter(search_path, candidates=candidates, platform=platform, notify=notify)
    if isinstance(found, LibreOfficeConverter):
        return ResidentConverter(found.binary, fallback=found, notify=notify)
    return found


__all__ = [
    "ResidentConverter",
    "find_preview_converter",
    "find_uno_python",
    "uno_python_candidates",
]
