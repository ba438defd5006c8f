"""What build.spec leaves out of the double-click program, and why (imported by the spec).

NoticeDesk runs Qt's widgets, the PDFium of pypdfium2, pandas with calamine and openpyxl,
docxtpl and python-docx. Packages arrive in a build by other routes too: optional imports of
pandas and docxtpl (docxcompose and babel, scipy, matplotlib …), whatever else the building
environment holds (pytest, pygments, IPython), and every plugin a used Qt module may load.
These lists take out what the program never runs; the build test proves the rest still reads,
exports, previews and opens the window (tests/system/test_packaged_build.py).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

# The Qt modules noticedesk imports (tests/system/test_lean_build_lists.py keeps this true),
# and QtDBus, which QtPrintSupport loads on Linux.
QT_MODULES_USED = ("QtCore", "QtGui", "QtNetwork", "QtWidgets", "QtPrintSupport")
QT_MODULES_KEPT = (*QT_MODULES_USED, "QtDBus")

# Python packages never run: optional imports of our dependencies, and development tools.
UNUSED_PACKAGES = (
    "docxcompose",  # docxtpl's sub-documents, which the templates do not use
    "babel",  # docxcompose's, 35 MB of locale data
    "odf",  # readers calamine replaces
    "xlrd",
    "xlwt",
    "pytest",
    "_pytest",
    "pytestqt",
    "pygments",
    "IPython",
    "jedi",
    "parso",
    "traitlets",  # pandas looks for IPython's display through it
    "prompt_toolkit",
    "matplotlib",
    "scipy",
    "pyarrow",
    "numexpr",
    "bottleneck",
    "numba",
    "tables",
    "sqlalchemy",
    "xlsxwriter",
    "pyxlsb",
    "bs4",
    "html5lib",
    "fsspec",
    "s3fs",
    "botocore",
    "boto3",
    "yaml",
    "tkinter",
    "_tkinter",
    "setuptools",
    "pkg_resources",
    "pip",
)

# Qt plugins (paths under Qt's plugins folder) the program never loads: embedded-device
# platforms and input, QtNetwork's TLS and network-information plugins (the program uses only
# its local socket, to hand a second start to the open window), and the GTK theme, which
# alone drags some 25 MB of GTK libraries into a Linux build (Qt's own style draws instead).
UNUSED_QT_PLUGINS = re.compile(
    r"plugins/("
    r"egldeviceintegrations/|generic/|networkinformation/|tls/|"
    r"platforms/[^/]*(eglfs|linuxfb|vnc|vkkhrdisplay|minimalegl)[^/]*$|"
    r"platformthemes/[^/]*gtk3[^/]*$"
    r")"
)
# Qt's own translations: only the languages the program offers (Settings → Language).
QT_TRANSLATION = re.compile(r"/translations/[^/]+\.qm$")
QT_TRANSLATION_KEPT = re.compile(r"_(ja|en)\.qm$")


def unused_qt_modules(pyside_dir: Path) -> list[str]:
    """Every PySide6 module but the kept ones, named as the installed PySide6 names them."""
    names = {
        p.name.split(".")[0]
        for p in pyside_dir.glob("Qt*.*")
        if p.suffix in {".pyi", ".so", ".pyd"}
    }
    return [f"PySide6.{name}" for name in sorted(names - set(QT_MODULES_KEPT))]


def _dest(entry: tuple[str, str, str]) -> str:
    return entry[0].replace("\\", "/")


def keep_binary(entry: tuple[str, str, str]) -> bool:
    return not UNUSED_QT_PLUGINS.search(_dest(entry))


def keep_data(entry: tuple[str, str, str]) -> bool:
    dest = _dest(entry)
    return not QT_TRANSLATION.search(dest) or bool(QT_TRANSLATION_KEPT.search(dest))


def _is_linked_library(dest: str) -> bool:
    """A library that is there only because something links to it: one the build copied from
    the system beside the program, or one of Qt's own (not a Python module, not a plugin,
    not Python itself)."""
    folder, _, name = dest.rpartition("/")
    return (
        (folder == "" or folder.endswith("Qt/lib"))
        and ".so" in name
        and ".cpython-" not in name
        and ".abi3." not in name
        and not name.startswith("libpython")
    )


Imports = Callable[[str], Iterable[tuple[str, str | None]]]


def without_unlinked_libraries(
    binaries: list[tuple[str, str, str]], imports: Imports
) -> list[tuple[str, str, str]]:
    """``binaries`` less the linked libraries nothing kept links to any more (Linux).

    The build collected them for what was dropped (the GTK libraries for the GTK theme, Qt's
    network and embedded-display libraries for their plugins). Each kept binary's link-time
    imports are followed to a fixed point; a linked library none of them reaches goes.
    ``imports(path)`` gives a binary's imports as (name, path) pairs.
    """
    if not sys.platform.startswith("linux"):
        return binaries
    by_name = {_dest(b).rsplit("/", 1)[-1]: b for b in binaries}
    needed: set[str] = set()
    waiting = [b for b in binaries if not _is_linked_library(_dest(b))]
    seen: set[str] = set()
    while waiting:
        entry = waiting.pop()
        if entry[1] in seen:
            continue
        seen.add(entry[1])
        for name, _path in imports(entry[1]):
            base = Path(name).name
            if base in by_name and base not in needed:
                needed.add(base)
                waiting.append(by_name[base])
    return [
        b
        for b in binaries
        if not _is_linked_library(_dest(b)) or _dest(b).rsplit("/", 1)[-1] in needed
    ]


def strip_python_debug_information(internal: Path) -> None:
    """Debug information out of the Python interpreter's own libraries in the built folder
    (Linux): a Python built from source keeps it (libpython 23 MB instead of 6, its extension
    modules 15 MB instead of 6). Wheels' libraries are left alone: ``strip`` breaks those that
    auditwheel patched (numpy's OpenBLAS then fails to load), and they ship stripped anyway.
    """
    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or strip is None:
        return
    own = [*internal.glob("libpython3*.so*"), *internal.glob("python3*/lib-dynload/*.so")]
    files = [str(f) for f in own if f.is_file() and not f.is_symlink()]
    if files:
        subprocess.run([strip, "--strip-debug", *files], check=True)
