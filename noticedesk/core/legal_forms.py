"""A client's legal form, read from its name: how its name is written out in full in a letter,
and how the client calls itself (当社) and is addressed (貴社).

Decisions:
- Abbreviations are written out in full (㈱ and (株) → 株式会社, ㈲ → 有限会社, (医) → 医療法人,
  (一社) → 一般社団法人 …) in letters and in the regulator's list: the PPC's list names legal
  persons, and a bracketed abbreviation is shorthand for a ledger, not a name. The case keeps the
  roster's own spelling; only what is printed is written out.
- Self-reference follows the legal form, as Japanese business letters do: companies 当社／貴社;
  医療法人, 社会福祉法人, 学校法人, NPO and the other 法人 当法人／貴法人; 社団法人, 組合 and
  協会 当会／貴会; 財団法人 当財団／貴財団; a business with no legal form (個人事業) 当事業所／
  貴事業所, or 当院／貴院 for a clinic. A roster column (自称, e.g. 「当院」) overrides it per client.
- The form is looked for at the start or the end of the name (前株・後株); an unknown form reads
  as a company, the commonest client of a 社労士 office, rather than guessing something exotic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviation → legal form, for the bracketed forms ((株), （株）) and the enclosed characters
# Unicode has for some of them (㈱). Longest first, so (一社) is not read as (社).
_ABBREVIATIONS: dict[str, str] = {
    "一社": "一般社団法人",
    "公社": "公益社団法人",
    "一財": "一般財団法人",
    "公財": "公益財団法人",
    "特非": "特定非営利活動法人",
    "株": "株式会社",
    "有": "有限会社",
    "資": "合資会社",
    "名": "合名会社",
    "同": "合同会社",
    "医": "医療法人",
    "福": "社会福祉法人",
    "学": "学校法人",
    "宗": "宗教法人",
    "社": "社団法人",
    "財": "財団法人",
    "協": "協同組合",
    "税": "税理士法人",
    "弁": "弁護士法人",
}
_ENCLOSED: dict[str, str] = {
    "㈱": "株",
    "㍿": "株",
    "㈲": "有",
    "㈾": "資",
    "㈴": "名",
    "㈳": "社",
    "㈶": "財",
    "㈿": "協",
    "㈻": "学",
}
_BRACKETED = re.compile(
    r"[（(]\s*(" + "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True)) + r")\s*[）)]"
)


def expand_abbreviations(name: str) -> str:
    """The name with every legal-form abbreviation written out: ㈱髙橋製作所 → 株式会社髙橋製作所."""
    for char, key in _ENCLOSED.items():
        if char in name:
            name = name.replace(char, _ABBREVIATIONS[key])
    return _BRACKETED.sub(lambda m: _ABBREVIATIONS[m.group(1)], name)


@dataclass(frozen=True, slots=True)
class Voice:
    """How a client refers to itself (``self``) and how a letter addresses it (``other``)."""

    self: str  # 当社
    other: str  # 貴社
    form: str  # the legal form found (株式会社), or "" for none


COMPANY = Voice("当社", "貴社", "")

# Legal form → (self, other). Checked in order, first match wins: the specific before the
# general (社会福祉法人 before 法人, 一般社団法人 before 社団法人).
_FORMS: tuple[tuple[str, str, str], ...] = (
    ("株式会社", "当社", "貴社"),
    ("有限会社", "当社", "貴社"),
    ("合同会社", "当社", "貴社"),
    ("合資会社", "当社", "貴社"),
    ("合名会社", "当社", "貴社"),
    ("相互会社", "当社", "貴社"),
    ("医療法人社団", "当法人", "貴法人"),
    ("医療法人財団", "当法人", "貴法人"),
    ("医療法人", "当法人", "貴法人"),
    ("社会福祉法人", "当法人", "貴法人"),
    ("学校法人", "当法人", "貴法人"),
    ("宗教法人", "当法人", "貴法人"),
    ("特定非営利活動法人", "当法人", "貴法人"),
    ("NPO法人", "当法人", "貴法人"),
    ("独立行政法人", "当法人", "貴法人"),
    ("税理士法人", "当法人", "貴法人"),
    ("弁護士法人", "当法人", "貴法人"),
    ("社会保険労務士法人", "当法人", "貴法人"),
    ("司法書士法人", "当法人", "貴法人"),
    ("行政書士法人", "当法人", "貴法人"),
    ("監査法人", "当法人", "貴法人"),
    ("一般社団法人", "当会", "貴会"),
    ("公益社団法人", "当会", "貴会"),
    ("社団法人", "当会", "貴会"),
    ("一般財団法人", "当財団", "貴財団"),
    ("公益財団法人", "当財団", "貴財団"),
    ("財団法人", "当財団", "貴財団"),
    ("協同組合", "当会", "貴会"),
    ("組合", "当会", "貴会"),
    ("協会", "当会", "貴会"),
    ("連合会", "当会", "貴会"),
)
# Without a legal form: a clinic calls itself 当院, any other business 当事業所.
_CLINIC = re.compile(r"(医院|歯科|クリニック|診療所|病院)")

# What a client may write in the 自称 column, and how it is addressed in return.
_OTHER_FOR_SELF: dict[str, str] = {
    "当社": "貴社",
    "弊社": "貴社",
    "当法人": "貴法人",
    "当会": "貴会",
    "当財団": "貴財団",
    "当組合": "貴組合",
    "当協会": "貴協会",
    "当院": "貴院",
    "当事業所": "貴事業所",
    "当事務所": "貴事務所",
    "当店": "貴店",
    "当園": "貴園",
    "当校": "貴校",
    "当施設": "貴施設",
}


def legal_form(name: str) -> str:
    """The legal form at the start or end of ``name`` (abbreviations written out), else ""."""
    full = re.sub(r"[\s\u3000]+", "", expand_abbreviations(name))
    for form, _self, _other in _FORMS:
        if full.startswith(form) or full.endswith(form):
            return form
    return ""


def voice_for(name: str, override: str = "") -> Voice:
    """The client's self-reference and the address to it, from its 自称 column or its name."""
    override = override.strip()
    if override:
        if override in _OTHER_FOR_SELF:
            return Voice(override, _OTHER_FOR_SELF[override], legal_form(name))
        if override.startswith(("当", "弊")) and len(override) > 1:
            return Voice(override, "貴" + override[1:], legal_form(name))
    form = legal_form(name)
    for known, self_ref, other in _FORMS:
        if known == form and form:
            return Voice(self_ref, other, form)
    if _CLINIC.search(name):
        return Voice("当院", "貴院", "")
    if form == "" and not _looks_like_company(name):
        return Voice("当事業所", "貴事業所", "")
    return COMPANY


def _looks_like_company(name: str) -> bool:
    """A name with no legal form: 「山田商店」 is a sole proprietor, 「ABC Co., Ltd.」 a company."""
    return bool(re.search(r"(Co\.|Ltd|Inc\.|Corp|K\.K\.|LLC)", name, re.IGNORECASE))
