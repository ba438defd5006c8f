"""The preview's documents, cache, page images and converter search, without LibreOffice."""

from __future__ import annotations

import dataclasses
import stat
import sys
from pathlib import Path

import pytest

from noticedesk.core.documents import export_case
from noticedesk.core.documents.kinds import default_kinds
from noticedesk.core.documents.pages import (
    PageImage,
    page_count,
    page_sizes,
    page_text,
    rasterise,
)
from noticedesk.core.documents.pdf import (
    LibreOfficeConverter,
    PdfConversionError,
    find_converter,
    fontconfig_file,
    libreoffice_environment,
)
from noticedesk.core.documents.preview import PreviewCache, client_documents
from noticedesk.core.roster import import_roster
from tests.helpers.converters import FakeConverter, make_pdf, marker
from tests.helpers.documents import client, sample_incident, sample_office
from tests.helpers.paths import SAMPLE

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fake soffice is a shell script")


# --- one source of truth ---------------------------------------------------------------------


def test_the_previewed_documents_are_the_exported_bytes(tmp_path: Path) -> None:
    roster = import_roster(SAMPLE / "roster.csv")
    office, incident = sample_office(), sample_incident()
    kinds = default_kinds(incident)  # what the window and the command line export by default
    result = export_case(roster.clients, office, incident, tmp_path / "out", kinds)
    individual = next(c for c in roster.clients if c.individual)
    joint = next(c for c in roster.clients if not c.individual)
    for each in (individual, joint):
        written = next(p for p in result.clients if p.client.key == each.key).documents
        previewed = client_documents(each, office, incident)
        assert [d.kind for d in previewed] == [kind for kind, _path in written]
        for document, (_kind, path) in zip(previewed, written, strict=True):
            assert document.docx == path.read_bytes(), path.name
    assert [d.kind for d in client_documents(individual, office, incident)] == [
        "cover",
        "internal",
        "report",
        "individual",  # and no reply slip: its choice is known
    ]


# --- the cache --------------------------------------------------------------------------------


def test_the_same_bytes_are_converted_once() -> None:
    converter = FakeConverter()
    cache = PreviewCache(converter)
    documents = client_documents(client("株式会社テスト"), sample_office(), sample_incident())
    first = cache.convert(documents)
    again = cache.convert(
        client_documents(client("株式会社テスト"), sample_office(), sample_incident())
    )
    assert len(converter.batches) == 1  # one batch for all four documents, none the second time
    assert len(converter.batches[0]) == 4
    assert [d.pdf for d in again] == [d.pdf for d in first]


def test_changed_bytes_get_a_new_pdf_and_new_pages() -> None:
    converter = FakeConverter()
    cache = PreviewCache(converter)
    office, incident = sample_office(), sample_incident()
    before = cache.convert(client_documents(client("株式会社テスト"), office, incident))
    moved = dataclasses.replace(office, name="さくら台社会保険労務士法人（新）")  # renamed
    after = cache.convert(client_documents(client("株式会社テスト"), moved, incident))
    assert len(converter.batches) == 2
    # Every kind prints the office's name, so every document is converted again …
    assert [d.kind for d in after] == [d.kind for d in before]
    for old, new in zip(before, after, strict=True):
        assert old.docx != new.docx
        assert new.pdf is not None and old.pdf is not None
        old_pages = cache.pages(old.pdf, 50)
        new_pages = cache.pages(new.pdf, 50)
        assert old_pages is not new_pages
    # … and each new PDF is the one made from the new bytes.
    for document in after:
        assert document.pdf is not None
        assert page_text(document.pdf, 0).startswith(marker(document.docx))


def test_a_tick_adds_the_own_report_guide_and_converts_only_what_changed() -> None:
    converter = FakeConverter()
    cache = PreviewCache(converter)
    office, incident = sample_office(), sample_incident()
    joint = client("株式会社テスト")
    cache.convert(client_documents(joint, office, incident))
    ticked = dataclasses.replace(joint, individual=True)
    documents = cache.convert(client_documents(ticked, office, incident))
    assert [d.kind for d in documents] == ["cover", "internal", "report", "individual"]
    unchanged = {d.docx for d in client_documents(joint, office, incident)}
    # Only the documents whose bytes the tick changed went to the converter the second time.
    assert converter.batches[1] == [d.docx for d in documents if d.docx not in unchanged]
    assert "individual" in [d.kind for d in documents if d.docx in converter.batches[1]]


def test_page_images_are_kept_per_resolution_within_a_budget() -> None:
    pdf = make_pdf(["one", "two"])
    cache = PreviewCache(FakeConverter(), max_page_bytes=5 * 1024 * 1024)
    small = cache.pages(pdf, 40)
    assert cache.pages(pdf, 40) is small
    larger = cache.pages(pdf, 60)
    assert larger[0].width > small[0].width
    # Two A4 pages at 100 dpi are ~7.5 MB: beyond the budget they are drawn but not kept.
    big = cache.pages(pdf, 100)
    assert cache.pages(pdf, 100) is not big
    assert cache.pages(pdf, 60) is larger
    assert cache.pages(pdf, 40) is small
    # Another resolution pushes out the one used longest ago (40 dpi was just used: 60 goes).
    cache.pages(pdf, 50)
    assert cache.pages(pdf, 40) is small
    assert cache.pages(pdf, 60) is not larger


def test_without_a_converter_the_cache_says_so() -> None:
    cache = PreviewCache(None)
    with pytest.raises(RuntimeError):
        cache.pdfs([b"not converted"])


# --- page images --------------------------------------------------------------------------------


def test_an_a4_page_is_drawn_at_the_asked_resolution() -> None:
    pdf = make_pdf(["first page", "second page", "third page"])
    assert page_count(pdf) == 3
    sizes = page_sizes(pdf)
    assert round(sizes[0].width_mm) == 210 and round(sizes[0].height_mm) == 297
    images = rasterise(pdf, 96)
    assert len(images) == 3
    image: PageImage = images[1]
    assert (image.width, image.height) == (794, 1123)  # A4 at 96 dpi
    assert image.stride >= image.width * 4
    assert len(image.pixels) == image.stride * image.height
    assert image.pixels[:4] == b"\xff\xff\xff\xff"  # white paper, opaque
    assert any(image.pixels[i] < 128 for i in range(0, len(image.pixels), 4))  # the text
    (only,) = rasterise(pdf, 48, [2])
    assert (only.width, only.height) == (397, 562)


def test_a_damaged_pdf_is_reported_not_drawn() -> None:
    with pytest.raises(PdfConversionError) as caught:
        rasterise(b"%PDF-1.7 broken", 96)
    assert "PDF" in caught.value.text("ja")
    assert "cannot be read" in caught.value.text("en")


# --- finding a converter ------------------------------------------------------------------------


def _fake_soffice(folder: Path, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "soffice"
    script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return script


@posix_only
def test_soffice_is_found_on_path_then_where_it_is_usually_installed(tmp_path: Path) -> None:
    on_path = _fake_soffice(tmp_path / "bin", "exit 0\n")
    found = find_converter(str(tmp_path / "bin"), candidates=[])
    assert isinstance(found, LibreOfficeConverter)
    assert found.binary == on_path
    assert found.name == "LibreOffice"

    empty = tmp_path / "empty"
    empty.mkdir()
    assert find_converter(str(empty), candidates=[]) is None
    installed = _fake_soffice(tmp_path / "opt" / "libreoffice7.6" / "program", "exit 0\n")
    found = find_converter(str(empty), candidates=[tmp_path / "nowhere" / "soffice", installed])
    assert isinstance(found, LibreOfficeConverter) and found.binary == installed


def test_only_linux_gets_the_font_aliases() -> None:
    env = libreoffice_environment("linux", {"PATH": "/usr/bin"})
    assert env["FONTCONFIG_FILE"] == str(fontconfig_file())
    conf = fontconfig_file().read_text(encoding="utf-8")
    assert "ＭＳ 明朝" in conf and "Noto Serif CJK JP" in conf
    assert "ＭＳ ゴシック" in conf and "Noto Sans CJK JP" in conf
    assert "/etc/fonts/fonts.conf" in conf  # the system's fonts and settings still apply
    for platform in ("win32", "darwin"):
        assert "FONTCONFIG_FILE" not in libreoffice_environment(platform, {"PATH": "x"})


# --- a converter that fails ---------------------------------------------------------------------


@posix_only
def test_a_crashing_converter_gives_a_clear_error(tmp_path: Path) -> None:
    binary = _fake_soffice(
        tmp_path / "bin", 'echo "Error: source file could not be loaded" >&2\nexit 81\n'
    )
    converter = LibreOfficeConverter(binary, profile_dir=tmp_path / "profile")
    with pytest.raises(PdfConversionError) as caught:
        converter.convert([b"docx one", b"docx two"])
    ja, en = caught.value.text("ja"), caught.value.text("en")
    assert "LibreOffice で PDF に変換できませんでした" in ja
    assert "2 件中 0 件" in ja and "終了コード 81" in ja
    assert "source file could not be loaded" in ja
    assert "0 of 2 made, exit code 81" in en


@posix_only
def test_a_converter_that_writes_nothing_is_not_taken_for_success(tmp_path: Path) -> None:
    binary = _fake_soffice(tmp_path / "bin", "exit 0\n")  # soffice's way of failing quietly
    with pytest.raises(PdfConversionError) as caught:
        LibreOfficeConverter(binary, profile_dir=tmp_path / "p").convert([b"docx"])
    assert "1 件中 0 件" in caught.value.text("ja")


@posix_only
def test_a_hanging_converter_is_stopped_at_the_timeout(tmp_path: Path) -> None:
    binary = _fake_soffice(tmp_path / "bin", "sleep 60\n")
    converter = LibreOfficeConverter(binary, timeout=1, profile_dir=tmp_path / "p")
    with pytest.raises(PdfConversionError) as caught:
        converter.convert([b"docx"])
    assert "1 秒以内に PDF を作成しませんでした" in caught.value.text("ja")
    assert "within 1 seconds" in caught.value.text("en")


@posix_only
def test_the_command_uses_a_private_profile_and_reads_back_each_pdf(tmp_path: Path) -> None:
    """A stand-in soffice that copies a ready PDF for each input, as the real one writes them."""
    ready = tmp_path / "ready.pdf"
    ready.write_bytes(make_pdf(["made"]))
    args_file = tmp_path / "args.txt"
    binary = _fake_soffice(
        tmp_path / "bin",
        f'printf "%s\\n" "$@" > "{args_file}"\n'
        'out=""; prev=""\n'
        'for a in "$@"; do\n'
        '  if [ "$prev" = "--outdir" ]; then out="$a"; fi\n'
        '  case "$a" in *.docx) cp "' + str(ready) + '" "$out/$(basename "$a" .docx).pdf";; esac\n'
        '  prev="$a"\n'
        "done\n",
    )
    profile = tmp_path / "profile ＮＤ"
    pdfs = LibreOfficeConverter(binary, profile_dir=profile).convert([b"a", b"b", b"c"])
    assert pdfs == [ready.read_bytes()] * 3
    args = args_file.read_text(encoding="utf-8").splitlines()
    assert f"-env:UserInstallation={profile.resolve().as_uri()}" in args
    assert "--headless" in args and "--convert-to" in args
    assert sum(a.endswith(".docx") for a in args) == 3  # one call for the batch
