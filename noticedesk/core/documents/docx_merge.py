"""Several .docx files made from one template, as one .docx: one section per document.

Staff print a whole batch at once, so the export can also write, per document kind, one file
with every client's document in turn. Each document becomes its own section, which keeps
what a plain concatenation of bodies (or docxcompose's ``append``) loses:

- its own headers and footers (the client's name in the header): each document's header and
  footer parts are copied under new names and its section points at them;
- a new page for each document, and page numbers that start at 1 for each client (the letter
  says "－ 1 －" on its first page, as the client's own file does);
- numbered lists that start again for each client instead of running on from the last one;
- footnotes, endnotes and bookmarks renumbered so their ids stay unique.

Decision: the documents must come from the same template (every part other than the ones
rendered per client is identical, checked from the zip's CRCs without decompressing); the
styles, numbering definitions, fonts and relationships of the first document then serve all
of them. Documents from different templates raise ``MergeError`` rather than being merged
into something that only looks right.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree

from noticedesk.core.documents.docx_zip import RENDERED_LEVEL, ZipEntry, build_zip, deflate

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_OFFICE_DOCUMENT = _R + "/officeDocument"
_HEADER, _FOOTER = _R + "/header", _R + "/footer"
_WORDML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_PART_TYPES = {_HEADER: f"{_WORDML}.header+xml", _FOOTER: f"{_WORDML}.footer+xml"}
_NOTES = {
    _R + "/footnotes": ("footnote", "footnoteReference"),
    _R + "/endnotes": ("endnote", "endnoteReference"),
}

_PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True, remove_blank_text=False)

# Children of w:sectPr that come after w:type / w:pgNumType in the schema's sequence.
_AFTER_TYPE = {"pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols",
               "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi",
               "rtlGutter", "docGrid", "printerSettings", "sectPrChange"}  # fmt: skip
_AFTER_PG_NUM = {"cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi",
                 "rtlGutter", "docGrid", "printerSettings", "sectPrChange"}  # fmt: skip


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


class MergeError(ValueError):
    """The documents cannot be merged (not .docx files, or not made from one template)."""


@dataclass(slots=True)
class _Package:
    """One input .docx: its zip, part names and CRCs (nothing decompressed yet)."""

    archive: zipfile.ZipFile
    crcs: dict[str, int]

    @classmethod
    def open(cls, data: bytes, number: int) -> _Package:
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as exc:
            raise MergeError(f"document {number + 1} is not a .docx file ({exc})") from None
        return cls(archive, {info.filename: info.CRC for info in archive.infolist()})

    def read(self, name: str) -> bytes:
        try:
            return self.archive.read(name)
        except KeyError:
            raise MergeError(f"part {name} is missing") from None

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.read(name), _PARSER)


@dataclass(slots=True)
class _Layout:
    """Where things are in the template's package (the same in every document)."""

    main: str  # word/document.xml
    main_rels: str  # word/_rels/document.xml.rels
    parts: dict[str, tuple[str, str]]  # rId -> (relationship type, part name), internal only
    per_document: set[str] = field(default_factory=set)  # parts rendered per client


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _layout(package: _Package) -> _Layout:
    root_rels = package.xml("_rels/.rels")
    main = next(
        (rel.get("Target", "") for rel in root_rels if rel.get("Type") == _OFFICE_DOCUMENT), ""
    )
    main = main.lstrip("/")
    if not main:
        raise MergeError("the package has no main document")
    main_rels = _rels_name(main)
    parts: dict[str, tuple[str, str]] = {}
    for rel in package.xml(main_rels):
        if rel.get("TargetMode") == "External":
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(main), rel.get("Target", "")))
        parts[rel.get("Id", "")] = (rel.get("Type", ""), target.lstrip("/"))
    layout = _Layout(main, main_rels, parts)
    layout.per_document = {main, "docProps/core.xml", "docProps/app.xml"}
    for kind, name in parts.values():
        if kind in (_HEADER, _FOOTER) or kind in _NOTES:
            layout.per_document.add(name)
            layout.per_document.add(_rels_name(name))
    return layout


def _check_same_template(first: _Package, other: _Package, layout: _Layout, number: int) -> None:
    if first.crcs.keys() != other.crcs.keys() or any(
        first.crcs[name] != other.crcs[name]
        for name in first.crcs
        if name not in layout.per_document
    ):
        raise MergeError(f"document {number + 1} was not made from the same template")


def _child(parent: etree._Element, tag: str) -> etree._Element | None:
    return parent.find(_w(tag))


def _insert_in_order(parent: etree._Element, element: etree._Element, before: set[str]) -> None:
    """Insert ``element`` before the first child whose local name is in ``before``."""
    for index, child in enumerate(parent):
        if etree.QName(child).localname in before:
            parent.insert(index, element)
            return
    parent.append(element)


def _start_on_new_page_at_one(sect_pr: etree._Element) -> None:
    """The section that opens a document starts on a new page, numbered from 1."""
    kind = _child(sect_pr, "type")
    if kind is not None and kind.get(_w("val")) in ("continuous", "nextColumn"):
        kind.set(_w("val"), "nextPage")
    numbers = _child(sect_pr, "pgNumType")
    if numbers is None:
        numbers = etree.Element(_w("pgNumType"))
        _insert_in_order(sect_pr, numbers, _AFTER_PG_NUM)
    if numbers.get(_w("start")) is None:
        numbers.set(_w("start"), "1")


def _close_section(body_children: list[etree._Element], sect_pr: etree._Element) -> None:
    """Make ``sect_pr`` (a body's last one) end the section inside its last paragraph."""
    last = body_children[-1] if body_children else None
    paragraph = last if last is not None and last.tag == _w("p") else None
    if paragraph is not None:
        props = _child(paragraph, "pPr")
        if props is not None and _child(props, "sectPr") is not None:
            paragraph = None  # already ends a section of its own
    if paragraph is None:
        paragraph = etree.Element(_w("p"))
        body_children.append(paragraph)
    props = _child(paragraph, "pPr")
    if props is None:
        props = etree.Element(_w("pPr"))
        paragraph.insert(0, props)
    _insert_in_order(props, sect_pr, {"pPrChange"})


class _Numbering:
    """Numbered lists restart for each document: a fresh w:num per list and document."""

    def __init__(self, root: etree._Element | None) -> None:
        self.root = root
        self.abstract_of: dict[str, str] = {}
        self.starts: dict[str, list[tuple[str, str]]] = {}
        self.next_id = 1
        if root is None:
            return
        for abstract in root.iter(_w("abstractNum")):
            levels = []
            for level in abstract.iter(_w("lvl")):
                start = _child(level, "start")
                value = start.get(_w("val"), "1") if start is not None else "0"
                levels.append((level.get(_w("ilvl"), "0"), value))
            self.starts[abstract.get(_w("abstractNumId"), "")] = levels
        for num in root.iter(_w("num")):
            num_id = num.get(_w("numId"), "0")
            abstract_id = _child(num, "abstractNumId")
            if abstract_id is not None:
                self.abstract_of[num_id] = abstract_id.get(_w("val"), "")
            self.next_id = max(self.next_id, int(num_id) + 1 if num_id.isdigit() else 1)

    def restart(self, elements: list[etree._Element]) -> None:
        if self.root is None:
            return
        fresh: dict[str, str] = {}
        for element in elements:
            for num_id in element.iter(_w("numId")):
                old = num_id.get(_w("val"), "0")
                if old == "0" or old not in self.abstract_of:
                    continue
                if old not in fresh:
                    fresh[old] = self._new_num(old)
                num_id.set(_w("val"), fresh[old])

    def _new_num(self, old: str) -> str:
        assert self.root is not None
        new_id = str(self.next_id)
        self.next_id += 1
        abstract_id = self.abstract_of[old]
        num = etree.Element(_w("num"))
        num.set(_w("numId"), new_id)
        etree.SubElement(num, _w("abstractNumId")).set(_w("val"), abstract_id)
        for level, start in self.starts.get(abstract_id, []):
            override = etree.SubElement(num, _w("lvlOverride"))
            override.set(_w("ilvl"), level)
            etree.SubElement(override, _w("startOverride")).set(_w("val"), start)
        cleanup = _child(self.root, "numIdMacAtCleanup")
        if cleanup is not None:
            cleanup.addprevious(num)
        else:
            self.root.append(num)
        return new_id


class _Notes:
    """Footnotes (or endnotes) of every document in one part, with fresh ids."""

    def __init__(self, root: etree._Element, note: str, reference: str) -> None:
        self.note, self.reference = _w(note), _w(reference)
        self.root = root
        for element in list(root):
            if element.tag == self.note and element.get(_w("type")) is None:
                root.remove(element)  # the separators stay; the notes come per document
        ids = [int(n.get(_w("id"), "0")) for n in root.iter(self.note)]
        self.next_id = max([*ids, 0]) + 1

    def add(self, notes: etree._Element, elements: list[etree._Element]) -> None:
        mapping: dict[str, str] = {}
        for note in notes:
            if note.tag != self.note or note.get(_w("type")) is not None:
                continue
            new_id = str(self.next_id)
            self.next_id += 1
            mapping[note.get(_w("id"), "")] = new_id
            note.set(_w("id"), new_id)
            self.root.append(note)
        for element in elements:
            for ref in element.iter(self.reference):
                ref.set(_w("id"), mapping.get(ref.get(_w("id"), ""), ref.get(_w("id"), "")))


def merge_documents(documents: Sequence[bytes], marks: Sequence[str] | None = None) -> bytes:
    """One .docx holding ``documents`` in order, each in its own section on a new page.

    With ``marks`` (one name per document), each document starts with an empty bookmark of
    that name, which a PDF converter carries into the PDF (``pdf_split`` cuts there).

    Raises MergeError when ``documents`` is empty, a document is not a .docx, or the
    documents were not made from one template.
    """
    if not documents:
        raise MergeError("no documents to merge")
    if marks is not None and len(marks) != len(documents):
        raise MergeError("one mark per document is needed")
    packages = [_Package.open(data, number) for number, data in enumerate(documents)]
    first = packages[0]
    layout = _layout(first)
    for number, package in enumerate(packages[1:], start=1):
        _check_same_template(first, package, layout, number)

    root = first.xml(layout.main)
    body = root.find(_w("body"))
    if body is None:
        raise MergeError("the main document has no body")
    rels = first.xml(layout.main_rels)
    types = first.xml("[Content_Types].xml")
    content_type = {
        override.get("PartName", "").lstrip("/"): override.get("ContentType", "")
        for override in types
        if override.tag == f"{{{_CT}}}Override"
    }

    # Header, footer and note parts are replaced by per-document ones.
    replaced = {rid for rid, (kind, _name) in layout.parts.items() if kind in (_HEADER, _FOOTER)}
    for rel in list(rels):
        if rel.get("Id") in replaced:
            rels.remove(rel)
    replaced_names = {layout.parts[rid][1] for rid in replaced}
    for override in list(types):
        if override.get("PartName", "").lstrip("/") in replaced_names:
            types.remove(override)

    numbering_name = next(
        (name for kind, name in layout.parts.values() if kind == _R + "/numbering"), None
    )
    numbering = _Numbering(first.xml(numbering_name) if numbering_name else None)
    notes = {
        kind: (_Notes(first.xml(name), *_NOTES[kind]), name)
        for kind, name in layout.parts.values()
        if kind in _NOTES
    }

    extra: dict[str, bytes] = {}  # new parts: name -> bytes
    dropped = _dropped_parts(layout, replaced)
    taken = (first.crcs.keys() - dropped) | extra.keys()
    copies = 0
    merged: list[etree._Element] = []
    bookmark_offset = 0
    for number, package in enumerate(packages):
        document_root = root if number == 0 else package.xml(layout.main)
        document_body = document_root.find(_w("body"))
        if document_body is None:
            raise MergeError(f"document {number + 1} has no body")
        children = list(document_body)
        final = children.pop() if children and children[-1].tag == _w("sectPr") else None

        # Copies of this document's headers and footers, under new names and ids.
        new_ids: dict[str, str] = {}
        for rid in sorted(replaced):
            kind, name = layout.parts[rid]
            stem = "header" if kind == _HEADER else "footer"
            copies += 1
            new_name = posixpath.join(posixpath.dirname(name), f"{stem}{copies}.xml")
            while new_name in taken:
                new_name = new_name.replace(".xml", "_.xml")
            taken.add(new_name)
            extra[new_name] = package.read(name)
            if _rels_name(name) in package.crcs:
                extra[_rels_name(new_name)] = package.read(_rels_name(name))
            new_id = f"rIdNd{len(new_ids) + 1}_{number + 1}"
            new_ids[rid] = new_id
            rel = etree.SubElement(rels, f"{{{_PR}}}Relationship")
            rel.set("Id", new_id)
            rel.set("Type", kind)
            rel.set("Target", posixpath.relpath(new_name, posixpath.dirname(layout.main)))
            override = etree.SubElement(types, f"{{{_CT}}}Override")
            override.set("PartName", "/" + new_name)
            override.set("ContentType", content_type.get(name) or _PART_TYPES[kind])

        sections = [e for c in children for e in c.iter(_w("sectPr"))]
        if final is not None:
            sections.append(final)
        for sect_pr in sections:
            for ref in (*sect_pr.iter(_w("headerReference")), *sect_pr.iter(_w("footerReference"))):
                old = ref.get(f"{{{_R}}}id", "")
                if old in new_ids:
                    ref.set(f"{{{_R}}}id", new_ids[old])
        if sections:
            _start_on_new_page_at_one(sections[0])
        if number:
            numbering.restart(children)
        for notes_of_kind, name in notes.values():
            notes_of_kind.add(package.xml(name), children)

        # Bookmark ids are unique in a document; names may repeat (Word keeps the first).
        highest = bookmark_offset
        for tag in ("bookmarkStart", "bookmarkEnd"):
            for mark in (e for c in children for e in c.iter(_w(tag))):
                value = mark.get(_w("id"), "")
                if value.lstrip("-").isdigit():
                    new_value = int(value) + bookmark_offset
                    mark.set(_w("id"), str(new_value))
                    highest = max(highest, new_value + 1)
        bookmark_offset = highest
        if marks is not None:
            _add_mark(children, marks[number], str(bookmark_offset))
            bookmark_offset += 1

        if final is not None and number < len(packages) - 1:
            _close_section(children, final)
            final = None
        merged.extend(children)
        if final is not None:
            merged.append(final)  # the last document's section properties close the body

    for child in list(body):
        body.remove(child)
    body.extend(merged)
    # Drawing ids must be unique across the whole document.
    for number, drawing in enumerate(body.iter(f"{{{_WP}}}docPr"), start=1):
        drawing.set("id", str(number))

    changed: dict[str, bytes] = {
        layout.main: _serialise(root),
        layout.main_rels: _serialise(rels),
        "[Content_Types].xml": _serialise(types),
    }
    if numbering_name and numbering.root is not None:
        changed[numbering_name] = _serialise(numbering.root)
    for notes_of_kind, name in notes.values():
        changed[name] = _serialise(notes_of_kind.root)
    return _zip(first, dropped, changed, extra)


def _add_mark(children: list[etree._Element], name: str, mark_id: str) -> None:
    """An empty bookmark ``name`` at the start of a document's first paragraph (the text and
    the layout stay as they are)."""
    paragraph = next((p for child in children for p in child.iter(_w("p"))), None)
    if paragraph is None:
        paragraph = etree.Element(_w("p"))
        children.insert(0, paragraph)
    start = etree.Element(_w("bookmarkStart"))
    start.set(_w("id"), mark_id)
    start.set(_w("name"), name)
    end = etree.Element(_w("bookmarkEnd"))
    end.set(_w("id"), mark_id)
    at = 1 if len(paragraph) and paragraph[0].tag == _w("pPr") else 0
    paragraph.insert(at, start)
    paragraph.insert(at + 1, end)


def _dropped_parts(layout: _Layout, replaced: set[str]) -> set[str]:
    """The template's header and footer parts (and their relationships), replaced by copies."""
    dropped: set[str] = set()
    for rid in replaced:
        name = layout.parts[rid][1]
        dropped.update((name, _rels_name(name)))
    return dropped


def _serialise(element: etree._Element) -> bytes:
    return bytes(etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True))


def _zip(
    first: _Package, dropped: set[str], changed: dict[str, bytes], extra: dict[str, bytes]
) -> bytes:
    entries: list[ZipEntry] = []
    for name in first.archive.namelist():
        if name in dropped:
            continue
        data = changed.get(name)
        if data is None:
            data = first.read(name)
        level = RENDERED_LEVEL if name in changed else 6
        entries.append(deflate(name, data, level))
    entries.extend(deflate(name, data, RENDERED_LEVEL) for name, data in extra.items())
    return build_zip(entries)


__all__ = ["MergeError", "merge_documents"]
