"""A Word template prepared once and rendered for many clients.

docxtpl loads the .docx, cleans its XML and compiles it with Jinja for every document; for a
two-page letter that is ~30 documents a second. Here the same steps are split: ``prepare`` does
the loading, docxtpl's own XML cleaning (``patch_xml``) and the compilation once; ``render``
only runs the compiled templates for the document body, headers, footers (and footnotes or
document properties when those hold tags), applies docxtpl's post-processing to them
(``resolve_listing``, ``fix_tables``, drawing ids) and writes the zip with every other part
copied, already compressed.

The result equals docxtpl's own render and save part by part (tests/core/documents/test_prepared.py
proves it on the bundled templates and on a template with headers, footers, a table-row loop
and escaped characters). One deliberate difference: the body XML is parsed strictly, so a
rendering that would produce broken XML raises instead of being silently cut short, as lxml's
``recover`` mode inside docxtpl would do.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import nsmap
from docx.oxml.parser import parse_xml
from docxtpl import DocxTemplate
from jinja2 import Environment, Template
from lxml import etree

from noticedesk.core.documents.docx_zip import RENDERED_LEVEL, ZipEntry, build_zip, deflate
from noticedesk.core.documents.limits import render_budget

_CORE_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
_FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_STRICT = etree.XMLParser(resolve_entities=False, huge_tree=True)
_W = "{" + nsmap["w"] + "}"
_TAG = re.compile(r"\{[{%]")
_LISTING = re.compile("[\t\n\a\f]")


def _open_paragraphs(xml: str) -> str:
    # docxtpl puts each paragraph on its own line before compiling (error messages use lines).
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


def _finish(rendered: str) -> str:
    """docxtpl's steps after Jinja (render_xml_part): join lines, literal braces, listings."""
    # = re.sub(r"\n<w:p([ >])", r"<w:p\1", …) as docxtpl does, without a callback per match
    rendered = rendered.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
    rendered = (
        rendered.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    )
    if not _LISTING.search(rendered):
        return rendered  # resolve_listing only rewrites text holding these characters
    listing: str = DocxTemplate.resolve_listing(None, rendered)
    return listing


def _tables_need_fixing(tree: etree._Element) -> bool:
    """True when docxtpl's fix_tables would change a table (cells vs grid columns differ)."""
    for table in tree.iter(_W + "tbl"):
        grid = table.find(_W + "tblGrid")
        columns = len(grid.findall(_W + "gridCol")) if grid is not None else 0
        widest = 0
        for row in table.iter(_W + "tr"):
            cells = row.findall(_W + "tc")
            if len(cells) > columns:
                return True
            span = 0
            for cell in cells:
                props = cell.find(_W + "tcPr")
                grid_span = None if props is None else props.find(_W + "gridSpan")
                span += 1 if grid_span is None else int(grid_span.get(_W + "val", "1"))
            widest = max(widest, span)
        if widest < columns:
            return True
    return False


def _fix_drawing_ids(tree: etree._Element) -> None:
    # docxtpl renumbers drawing ids from 1001 so repeated images do not collide.
    number = 1000
    for element in tree.xpath("//wp:docPr", namespaces=nsmap):
        number += 1
        element.attrib["id"] = str(number)


@dataclass(slots=True)
class _PartTemplate:
    member: str  # name inside the zip, e.g. word/header1.xml
    template: Template
    encoding: str


class PreparedTemplate:
    """One .docx template, compiled once; ``render(context)`` gives the finished file's bytes."""

    def __init__(self, path: Path, env: Environment) -> None:
        self.path = Path(path)
        self.name = self.path.name
        self.env = env
        docx_template = DocxTemplate(str(self.path))
        docx_template.init_docx()
        document = docx_template.docx
        assert document is not None
        core = document.core_properties  # created here if missing, as docxtpl's render does

        body_xml = _open_paragraphs(docx_template.patch_xml(docx_template.get_xml()))
        self._body = env.from_string(body_xml)
        self._root = document.element
        self._document_member = document.part.partname.membername

        self._parts: list[_PartTemplate] = []
        self.sources: dict[str, str] = {self._document_member: body_xml}
        for uri in (DocxTemplate.HEADER_URI, DocxTemplate.FOOTER_URI):
            for _rel, part in docx_template.get_headers_footers(uri):
                xml = docx_template.get_part_xml(part)
                encoding = docx_template.get_headers_footers_encoding(xml)
                source = _open_paragraphs(docx_template.patch_xml(xml))
                self.sources[part.partname.membername] = source
                self._parts.append(
                    _PartTemplate(part.partname.membername, env.from_string(source), encoding)
                )

        self._footnotes: _PartTemplate | None = None
        for part in document.part.package.parts:
            if part.content_type == _FOOTNOTES_TYPE and _TAG.search(part.blob.decode("utf-8")):
                source = _open_paragraphs(docx_template.patch_xml(part.blob.decode("utf-8")))
                self.sources[part.partname.membername] = source
                self._footnotes = _PartTemplate(
                    part.partname.membername, env.from_string(source), "utf-8"
                )

        # Document properties: rendered per client only when they hold tags; otherwise set to
        # their own value once (docxtpl's render writes each one back, creating empty elements).
        core_part = document.part.package._core_properties_part
        self._core = core
        self._core_member = core_part.partname.membername
        self._core_templates: dict[str, Template] = {}
        for prop in _CORE_PROPERTIES:
            value = getattr(core, prop)
            if _TAG.search(value):
                self._core_templates[prop] = env.from_string(value)
                self.sources[f"{self._core_member}:{prop}"] = value
            else:
                setattr(core, prop, value)

        skeleton = io.BytesIO()
        document.save(skeleton)
        dynamic = {self._document_member, *(p.member for p in self._parts)}
        if self._footnotes is not None:
            dynamic.add(self._footnotes.member)
        if self._core_templates:
            dynamic.add(self._core_member)
        self._order: list[str] = []
        self._static: dict[str, ZipEntry] = {}
        with zipfile.ZipFile(skeleton) as archive:
            for info in archive.infolist():
                self._order.append(info.filename)
                if info.filename not in dynamic:
                    self._static[info.filename] = deflate(
                        info.filename, archive.read(info.filename)
                    )
        self._current_body = self._root.find(_W + "body")

    def render_parts(self, context: dict[str, Any]) -> dict[str, bytes]:
        """The rendered XML parts by zip member name (only the parts that change)."""
        parts: dict[str, bytes] = {}
        body_xml = _finish(self._body.render(context))
        tree = etree.fromstring(body_xml.encode("utf-8"), _STRICT)
        if _tables_need_fixing(tree):
            tree = DocxTemplate.fix_tables(None, body_xml)
        if "docPr" in body_xml:
            _fix_drawing_ids(tree)
        self._root.replace(self._current_body, tree)
        self._current_body = tree
        parts[self._document_member] = serialize_part_xml(self._root)
        for part in self._parts:
            xml = _finish(part.template.render(context)).encode(part.encoding)
            parts[part.member] = serialize_part_xml(parse_xml(xml))
        if self._footnotes is not None:
            rendered = _finish(self._footnotes.template.render(context))
            parts[self._footnotes.member] = rendered.encode("utf-8")
        if self._core_templates:
            for prop, template in self._core_templates.items():
                setattr(self._core, prop, template.render(context))
            parts[self._core_member] = serialize_part_xml(self._core._element)
        return parts

    def render(self, context: dict[str, Any]) -> bytes:
        """The finished .docx for ``context``, its parts rendered under one budget (the
        caller's, or a fresh one: ``limits.render_budget``)."""
        with render_budget():
            parts = self.render_parts(context)
        entries = [
            deflate(name, parts[name], RENDERED_LEVEL) if name in parts else self._static[name]
            for name in self._order
        ]
        return build_zip(entries)
