"""THIRD_PARTY_NOTICES: the libraries NoticeDesk ships, their versions, licences and licence texts.

Read from the installed distributions' own metadata (``importlib.metadata``): the licence a
distribution states (its SPDX expression, License field or classifiers) and the licence files
it carries in its ``.dist-info`` (``License-File`` entries, else files named LICENSE, COPYING,
NOTICE …). Nothing is typed in by hand that the metadata already says, so a new version brings
its own texts.

Which distributions:
- the build (``build.spec``) names those whose modules, libraries or data it actually collected,
  plus PyInstaller, whose bootloader starts the program; the Python it runs on is listed too;
- elsewhere (a source checkout, an installed wheel), NoticeDesk's runtime requirements and
  theirs, as installed (``runtime_distributions``).

Decisions:
- PySide6 and shiboken6 carry no licence file. Their wheels say LGPL-3.0-only OR GPL-2.0-only
  OR GPL-3.0-only; NoticeDesk uses them under the LGPL-3.0, so the LGPL-3.0 text and the GPL-3.0
  it builds on are included (``resources/licences``). docxtpl (LGPL-2.1-only) carries none
  either: the LGPL-2.1 text is included.
- The LGPL requires that a user can replace those libraries: the build keeps Qt and PySide6
  as separate shared libraries and docxtpl as plain ``.py`` files in the program's folder,
  and the notices say where.
- The built program shows the notices file it was built with; elsewhere the text is made on
  demand from what is installed (``notices_text``).
"""

from __future__ import annotations

import functools
import platform
import re
import sys
import sysconfig
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

import noticedesk
from noticedesk.core.bundled import bundled_dir

NOTICES_NAME = "THIRD_PARTY_NOTICES.txt"
RULE = "=" * 78
THIN_RULE = "-" * 78

# A licence stated without a file, and the standard texts included for it (in this order).
STANDARD_TEXTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("LGPL-3.0", ("LGPL-3.0.txt", "GPL-3.0.txt")),
    ("LGPL-2.1", ("LGPL-2.1.txt",)),
)
_LICENCE_FILE = re.compile(r"(licen[cs]e|copying|notice|authors|copyright)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class LicenceText:
    name: str  # where it came from: a path in the .dist-info, or "standard text: LGPL-3.0.txt"
    text: str


@dataclass(frozen=True, slots=True)
class Notice:
    name: str
    version: str
    licence: str  # "" when the metadata does not say
    home: str  # "" when the metadata names no page
    texts: tuple[LicenceText, ...]


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    """A metadata field's first value, "" when absent (``meta[name]`` warns or raises then)."""
    values = meta.get_all(name) or []
    return str(values[0]).strip() if values else ""


def licence_field(meta: metadata.PackageMetadata) -> str:
    """The licence a distribution states: its SPDX expression, a short License field, or the
    licence classifiers; "" when none says."""
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    text = _field(meta, "License")
    if text and "\n" not in text and len(text) <= 80:
        return text
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    if classifiers:
        return ", ".join(classifiers)
    return text.splitlines()[0][:80] if text else ""


def _home(meta: metadata.PackageMetadata) -> str:
    home = _field(meta, "Home-page")
    if home:
        return home
    urls = [str(u).split(",", 1) for u in meta.get_all("Project-URL") or [] if "," in str(u)]
    preferred = ("homepage", "home", "source", "source code", "repository", "documentation")
    for wanted in preferred:
        for label, url in urls:
            if label.strip().casefold() == wanted:
                return url.strip()
    return urls[0][1].strip() if urls else ""


def _read(dist: metadata.Distribution, relative: str) -> str | None:
    """A file of the .dist-info as text; a licence saved as Latin-1 (some are) read as such."""
    try:
        return dist.read_text(relative)
    except UnicodeDecodeError:
        for file in dist.files or []:
            if file.parts[0].endswith(".dist-info") and "/".join(file.parts[1:]) == relative:
                return file.read_binary().decode("latin-1")
        return None


def _dist_info_texts(dist: metadata.Distribution) -> list[LicenceText]:
    """The licence files a distribution carries: its ``License-File`` entries (PEP 639 keeps
    them under ``licenses/``, older tools beside METADATA), else any file of its .dist-info
    named like one."""
    found: list[LicenceText] = []
    for name in dist.metadata.get_all("License-File") or []:
        for candidate in (f"licenses/{name}", name):
            text = _read(dist, candidate)
            if text is not None:
                found.append(LicenceText(candidate, text))
                break
    if found:
        return found
    for file in dist.files or []:
        parts = file.parts
        if len(parts) >= 2 and parts[0].endswith(".dist-info") and _LICENCE_FILE.search(parts[-1]):
            text = _read(dist, "/".join(parts[1:]))
            if text is not None:
                found.append(LicenceText("/".join(parts[1:]), text))
    return found


def _standard_texts(licence: str, folder: Path) -> list[LicenceText]:
    for spdx, files in STANDARD_TEXTS:
        if spdx in licence:
            return [
                LicenceText(f"standard text: {file}", (folder / file).read_text(encoding="utf-8"))
                for file in files
            ]
    return []


def notice_of(dist: metadata.Distribution, standard_folder: Path | None = None) -> Notice:
    meta = dist.metadata
    licence = licence_field(meta)
    texts = _dist_info_texts(dist) or _standard_texts(
        licence, standard_folder or bundled_dir("resources") / "licences"
    )
    return Notice(_field(meta, "Name"), _field(meta, "Version"), licence, _home(meta), tuple(texts))


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[(]", requirement.strip(), maxsplit=1)[0]


def _root_requirements(root: str, find: Callable[[str], metadata.Distribution]) -> list[str]:
    """``root``'s runtime requirements: from its metadata, or, in a checkout that was never
    installed, from the pyproject.toml beside the package."""
    try:
        required = find(root).requires or []
    except metadata.PackageNotFoundError:
        pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
        try:
            required = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"][
                "dependencies"
            ]
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            required = []
    return [str(r) for r in required if not re.search(r"\bextra\s*==", str(r))]


def runtime_distributions(
    root: str = "noticedesk", find: Callable[[str], metadata.Distribution] = metadata.distribution
) -> list[metadata.Distribution]:
    """``root``'s requirements and theirs, as installed (not ``root`` itself), by name.

    Extras are left out; a requirement whose marker does not hold here is usually not
    installed, and what is not installed is left out too.
    """
    seen: dict[str, metadata.Distribution] = {}
    waiting = [_requirement_name(r) for r in _root_requirements(root, find)]
    while waiting:
        name = waiting.pop()
        try:
            dist = find(name)
        except metadata.PackageNotFoundError:
            continue
        key = _canonical(dist.metadata["Name"] or name)
        if key in seen:
            continue
        seen[key] = dist
        waiting.extend(
            _requirement_name(r) for r in dist.requires or [] if not re.search(r"\bextra\s*==", r)
        )
    return sorted(seen.values(), key=lambda d: _canonical(d.metadata["Name"]))


def distributions_of_modules(top_level_names: Iterable[str]) -> list[metadata.Distribution]:
    """The installed distributions that provide these top-level modules (the build's list)."""
    providers = metadata.packages_distributions()
    names = {dist for top in top_level_names for dist in providers.get(top, [])}
    found = {_canonical(n): metadata.distribution(n) for n in names}
    found.pop("noticedesk", None)
    return [found[key] for key in sorted(found)]


def python_notice() -> Notice:
    """The Python interpreter a built program carries, with its LICENSE.txt where installed."""
    texts = []
    for folder in (Path(sysconfig.get_paths()["stdlib"]), Path(sys.base_prefix)):
        licence_file = folder / "LICENSE.txt"
        if licence_file.is_file():
            texts.append(LicenceText("LICENSE.txt", licence_file.read_text(encoding="utf-8")))
            break
    return Notice(
        "Python", platform.python_version(), "PSF-2.0", "https://www.python.org/", tuple(texts)
    )


_INTRO = """\
NoticeDesk {version} は、以下のソフトウェアを含んでいます。それぞれの著作権者とライセンスに従って
配布しています。各ライセンスの全文はこのファイルの後半にあります。

NoticeDesk {version} includes the software listed below, distributed under each one's own
licence. The full licence texts follow the list.

LGPL のライブラリについて / About the LGPL libraries
- Qt, PySide6, shiboken6 (LGPL-3.0): 共有ライブラリのまま同梱しています（プログラムのフォルダの
  _internal/PySide6 と _internal/shiboken6）。同じ版か互換の版に差し替えて使えます。
  Shipped as separate shared libraries (in the program folder's _internal/PySide6 and
  _internal/shiboken6); you may replace them with the same or a compatible version.
  Source: https://download.qt.io/official_releases/QtForPython/ and https://code.qt.io/
  Qt itself includes third-party components under their own licences:
  https://doc.qt.io/qt-6/licenses-used-in-qt.html
- docxtpl (LGPL-2.1): Python のソースファイル (.py) のまま _internal/docxtpl に置いています。
  変更した版に差し替えて使えます。Kept as plain Python source files in _internal/docxtpl,
  where you may replace them with a modified version. Source: https://github.com/elapouya/python-docx-template
"""


def render_notices(notices: Iterable[Notice]) -> str:
    """The notices file: an introduction, one line per library, then every licence text."""
    notices = list(notices)
    width = max((len(n.name) for n in notices), default=10) + 2
    lines = [
        f"NoticeDesk {noticedesk.__version__} — 第三者ソフトウェアのライセンス表示 / "
        "Third-party software notices",
        "",
        _INTRO.format(version=noticedesk.__version__),
        RULE,
        f"{'Name':<{width}}{'Version':<14}Licence",
        THIN_RULE,
    ]
    lines += [f"{n.name:<{width}}{n.version:<14}{n.licence or 'not stated'}" for n in notices]
    for notice in notices:
        lines += ["", RULE, f"{notice.name} {notice.version}"]
        lines.append(f"Licence: {notice.licence or 'not stated in its metadata'}")
        if notice.home:
            lines.append(f"Home: {notice.home}")
        if not notice.texts:
            lines += [THIN_RULE, "(The distribution carries no licence file.)"]
        for text in notice.texts:
            lines += [THIN_RULE, f"[{text.name}]", "", text.text.rstrip()]
    return "\n".join(lines).rstrip() + "\n"


def build_notices(top_level_names: Iterable[str], *, also: Iterable[str] = ()) -> str:
    """The notices of a build: Python, then every distribution whose modules it collected and
    those named in ``also`` (PyInstaller, whose bootloader is the program's executable)."""
    dists = distributions_of_modules(top_level_names)
    named = {_canonical(d.metadata["Name"]) for d in dists}
    dists += [metadata.distribution(n) for n in also if _canonical(n) not in named]
    notices = sorted((notice_of(d) for d in dists), key=lambda n: n.name.casefold())
    return render_notices([python_notice(), *notices])


def bundled_notices_file() -> Path:
    """Where a build keeps its notices (``noticedesk/_bundled``); absent in a source checkout."""
    return Path(str(resources.files("noticedesk"))) / "_bundled" / NOTICES_NAME


@functools.cache  # what is installed does not change while the program runs
def notices_text() -> str:
    """The notices this installation shows: the build's file, else made from what is installed."""
    try:
        return bundled_notices_file().read_text(encoding="utf-8")
    except OSError:
        pass
    notices = [notice_of(d) for d in runtime_distributions()]
    return render_notices(sorted(notices, key=lambda n: n.name.casefold()))
