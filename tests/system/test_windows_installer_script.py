"""The installer script's promises, checked where Inno Setup cannot run (it runs in
.github/workflows/windows.yml on a Windows runner, which installs, updates and uninstalls)."""

from __future__ import annotations

import importlib.util
import re
from typing import Any

from tests.helpers.paths import REPO

SCRIPT = REPO / "installer" / "NoticeDesk.iss"
WORKFLOW = REPO / ".github" / "workflows" / "windows.yml"


def _sections() -> dict[str, list[str]]:
    """Each [Section]'s lines, without comments and blank lines."""
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in SCRIPT.read_text(encoding="utf-8-sig").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        heading = re.fullmatch(r"\[(\w+)\]", line)
        if heading:
            current = heading.group(1)
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return sections


def _setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in _sections()["Setup"] if "=" in line)


def _version_resource() -> Any:
    spec = importlib.util.spec_from_file_location("vr", REPO / "installer" / "version_resource.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_it_installs_for_the_user_without_administrator_rights() -> None:
    setup = _setup()
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"].startswith("{autopf}\\")  # %LOCALAPPDATA%\Programs per user
    roots = re.findall(r"Root: (\w+)", "\n".join(_sections()["Registry"]))
    assert roots and set(roots) == {"HKCU"}
    assert any(line.startswith('Name: "{autoprograms}\\') for line in _sections()["Icons"])


def test_the_uninstaller_and_updates_leave_the_data_folder_alone() -> None:
    sections = _sections()
    assert "UninstallDelete" not in sections
    assert all("{app}\\" in line for line in sections.get("InstallDelete", []))
    text = "\n".join(line for lines in sections.values() for line in lines)
    assert "{localappdata}" not in text and "{userappdata}" not in text


def test_it_installs_what_build_spec_builds_under_the_same_name_and_publisher() -> None:
    setup = _setup()
    resource = _version_resource()
    script = SCRIPT.read_text(encoding="utf-8-sig")
    assert f'#define AppPublisher "{resource.COMPANY}"' in script
    assert f'#define AppName "{resource.PRODUCT}"' in script
    assert '"..\\dist\\NoticeDesk"' in script
    assert 'name="NoticeDesk"' in (REPO / "build.spec").read_text(encoding="utf-8")
    assert (SCRIPT.parent / setup["SetupIconFile"].replace("\\", "/")).resolve().is_file()
    assert setup["AppId"] == "{{78AD0D39-C0D5-47C7-BEBC-D60A848A746D}"  # updates depend on it


def test_the_workflow_installs_the_setup_the_script_makes_and_runs_the_program() -> None:
    workflow = WORKFLOW.read_text(encoding="utf-8")
    assert _setup()["OutputBaseFilename"] == "{#AppName}-{#AppVersion}-setup"
    assert "dist\\NoticeDesk-$env:APP_VERSION-setup.exe" in workflow
    assert "installer\\NoticeDesk.iss" in workflow
    assert "--selftest" in workflow and "--version" in workflow
    assert "unins000.exe" in workflow and "kept-by-uninstall.txt" in workflow
