"""Column-wise normalisation of roster cells, with a flag for every value that needed care.

Each function takes a whole column of trimmed text and returns the printable values plus
boolean masks for the rows a rule should report. Work is done with pandas string methods and
regular expressions over the column, never one Python call per row, because a roster can have
100,000 rows. Values already in their final form are recognised by one match over the column;
only the others go through the longer repair steps (for phone numbers, the numbering plan once
per distinct value).

Names, addresses, representatives and other free text are only trimmed: a company's name is
printed exactly as written (㈱, ①, 髙 and full-width letters stay). Digit fields are
NFKC-normalised so that full-width digits and hyphens become half-width.

Decisions:
- Counts of people (従業員数, 対象者数) are whole numbers: "１，２３４人", "30名" and "30.0" read
  as "1234", "30", "30". Anything else ("約30", "30～40") is kept as written and flagged, so a
  letter never prints a number the office did not write.
- In 対象者数 (本人の数), 「不明」「未確認」「確認中」「調査中」「集計中」「？」 and a dash mean the
  count is not in yet: they read as blank, which already means unknown, with no warning. The
  office wrote down that it does not know, and a warning would only repeat it; a blank also keeps
  the letters from printing 「不明名」. 従業員数 is read as before and still flags them.
- A 自称 must read as one: 当 or 弊 and up to nine more characters without spaces or
  punctuation (当社, 当院, 当法人, 弊社). Anything else is dropped and flagged, so the legal form
  decides (当社, 当法人 …) rather than a letter calling the client by a stray note.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from noticedesk.core import phone_numbers

# Dashes and long-vowel marks people type between digit groups.
_DASHES = r"[‐‑‒–—―−ーｰ－]"
# Patterns spell digits [0-9]: Python's \d also matches full-width and other scripts' digits,
# which must go through NFKC first.
# "9012345678.0": a number that went through a float (Excel, or an earlier pandas export).
_FLOAT_TAIL = r"^([0-9]+)\.0+$"


@dataclass(frozen=True, slots=True)
class Checked:
    """Normalised values and the rows that were repaired or could not be read."""

    value: pd.Series
    repaired: pd.Series  # bool: a value was repaired (a leading zero restored)
    unreadable: pd.Series  # bool: the value could not be read and was kept as written


def trimmed(column: pd.Series) -> pd.Series:
    """Free text: surrounding spaces (half- and full-width) removed, nothing else touched."""
    return column.astype(str).str.strip()


def _matches(column: pd.Series, pattern: str) -> pd.Series:
    return column.str.fullmatch(pattern).fillna(False).astype(bool)


def _digit_text(column: pd.Series) -> pd.Series:
    text = column.str.normalize("NFKC").str.strip()
    text = text.str.replace(_DASHES, "-", regex=True)
    return text.str.replace(_FLOAT_TAIL, r"\1", regex=True)


def _false(column: pd.Series) -> pd.Series:
    return pd.Series(False, index=column.index, dtype=bool)


def _merge(rest: Checked, column: pd.Series) -> Checked:
    """Put the repaired subset back beside the values that were already final."""
    value = column.copy()
    repaired, unreadable = _false(column), _false(column)
    if len(rest.value):
        value.loc[rest.value.index] = rest.value
        repaired.loc[rest.value.index] = rest.repaired
        unreadable.loc[rest.value.index] = rest.unreadable
    return Checked(value, repaired, unreadable)


def plain_code(column: pd.Series) -> pd.Series:
    """Identifiers such as 顧問先コード: half-width, a float's ".0" removed."""
    rest = ~column.str.isascii() | column.str.endswith(".0")
    if not rest.any():
        return column
    value = column.copy()
    text = column[rest].str.normalize("NFKC").str.strip()
    value.loc[rest] = text.str.replace(_FLOAT_TAIL, r"\1", regex=True)
    return value


def phones(column: pd.Series) -> Checked:
    """Japanese phone numbers, hyphenated (``noticedesk.core.phone_numbers`` says how).

    Values already hyphenated as 10 or 11 digits pass in one match over the column; the rest go
    through the numbering plan once per distinct value (a numeric Excel column makes every row
    bare digits: 20,000 of them take about 0.7 s).
    """
    done = _matches(column, phone_numbers.GROUPED) & column.str.len().isin([12, 13])
    return _merge(_repair_phones(column[~done & (column != "")]), column)


def _repair_phones(original: pd.Series) -> Checked:
    readings = {text: phone_numbers.read_phone(text) for text in original.unique()}
    value = original.map({text: r.value for text, r in readings.items()})
    restored = original.map({text: r.zero_restored for text, r in readings.items()})
    unreadable = original.map({text: not r.readable for text, r in readings.items()})
    return Checked(value, restored.astype(bool), unreadable.astype(bool))


def postal_codes(column: pd.Series) -> Checked:
    """Postal codes as 123-4567.

    A bare 5- or 6-digit number lost leading zeros in a numeric column (Hokkaido codes start
    with 0 and 00): it is padded to 7 digits and flagged.
    """
    done = _matches(column, r"[0-9]{3}-[0-9]{4}")
    return _merge(_repair_postal_codes(column[~done & (column != "")]), column)


def _repair_postal_codes(original: pd.Series) -> Checked:
    text = _digit_text(original).str.replace(r"^〒\s*", "", regex=True).str.replace(" ", "")
    repaired = _matches(text, r"[0-9]{5,6}")
    readable = _matches(text, r"[0-9]{3}-[0-9]{4}") | _matches(text, r"[0-9]{7}") | repaired
    digits = text.str.replace("-", "", regex=False).str.zfill(7)
    value = original.where(~readable, digits.str[:3] + "-" + digits.str[3:])
    return Checked(value, repaired, ~readable)


@dataclass(frozen=True, slots=True)
class CorporateNumbers:
    value: pd.Series
    invalid: pd.Series  # bool: wrong length or check digit
    exponent: pd.Series  # bool: Excel printed it as 9.49984E+12 and the digits are gone


def corporate_numbers(column: pd.Series) -> CorporateNumbers:
    """法人番号: 13 digits, the first a check digit over the other twelve (checked as a matrix)."""
    value = column.copy()
    rest = ~_matches(column, r"[0-9]{13}") & (column != "")
    if rest.any():
        text = _digit_text(column[rest]).str.replace(r"[\s-]", "", regex=True)
        value.loc[rest] = text.where(_matches(text, r"[0-9]{13}"), column[rest])
    exponent = _false(column)
    if rest.any():
        exponent.loc[rest] = _matches(value[rest], r"[0-9](?:\.[0-9]+)?[eE]\+?[0-9]+")
    thirteen = _matches(value, r"[0-9]{13}")
    valid = _false(column)
    if thirteen.any():
        block = "".join(value[thirteen].tolist()).encode("ascii")
        digits = np.frombuffer(block, dtype=np.uint8).reshape(-1, 13).astype(np.int64) - 48
        # Pn counted from the right over the twelve base digits; weight 1 for odd n, 2 for even.
        weights = np.array([1 if (13 - i) % 2 else 2 for i in range(1, 13)], dtype=np.int64)
        expected = 9 - (digits[:, 1:] @ weights) % 9
        valid.loc[thirteen] = expected == digits[:, 0]
    return CorporateNumbers(value, (column != "") & ~exponent & ~valid, exponent)


# The individual-report answers as offices write them (compared after NFKC and case folding).
YES_ANSWERS = frozenset(
    {"○", "〇", "◯", "◎", "●", "✓", "✔", "☑", "レ", "はい", "有", "有り", "あり", "希望",
     "希望する", "する", "要", "yes", "y", "1", "true"}
)  # fmt: skip
NO_ANSWERS = frozenset(
    {"", "×", "✕", "✖", "☓", "✗", "いいえ", "無", "無し", "なし", "不要", "希望しない",
     "しない", "no", "n", "0", "false", "-"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Answers:
    yes: pd.Series  # bool
    unknown: pd.Series  # bool: neither a yes nor a no


def answers(column: pd.Series) -> Answers:
    key = _answer_key(column)
    yes = key.isin(YES_ANSWERS)
    return Answers(yes, ~yes & ~key.isin(NO_ANSWERS))


def _answer_key(column: pd.Series) -> pd.Series:
    """The comparable form of an answer; exact answers skip the normalisation."""
    known = column.isin(YES_ANSWERS | NO_ANSWERS)
    if known.all():
        return column
    key = column.copy()
    rest = column[~known].str.normalize("NFKC").str.casefold().str.strip()
    rest = rest.str.replace(_DASHES, "-", regex=True)
    key.loc[~known] = rest.str.replace(r"^([01])\.0+$", r"\1", regex=True)
    return key


# Stored when the association column only says "yes": the letters then read
# "ご加入の労働保険事務組合", which is true, rather than naming a wrong one.
ASSOCIATION_UNNAMED = "労働保険事務組合"


@dataclass(frozen=True, slots=True)
class Associations:
    value: pd.Series
    unnamed: pd.Series  # bool: marked as a member without the association's name


def associations(column: pd.Series) -> Associations:
    key = _answer_key(column)
    unnamed = key.isin(YES_ANSWERS - {""})
    member = ~key.isin(NO_ANSWERS)
    value = column.where(member, "").mask(unnamed, ASSOCIATION_UNNAMED)
    return Associations(value, unnamed)


_COUNT = r"[1-9][0-9]*|0"


def counts(column: pd.Series) -> Checked:
    """A number of people (従業員数): "1,200人" -> "1200". Anything else is kept and flagged."""
    done = _matches(column, _COUNT)
    return _merge(_repair_counts(column[~done & (column != "")]), column)


def _repair_counts(original: pd.Series) -> Checked:
    text = _digit_text(original).str.replace(r"[,\s]|[名人]$", "", regex=True)
    whole = _matches(text, r"[0-9]+")
    value = original.where(~whole, text.str.lstrip("0").replace("", "0"))
    return Checked(value, _false(original), ~whole)


# What offices write in 対象者数 when the count is not in yet (compared after NFKC, dashes
# folded to "-"). Blank already means unknown, so these become blank.
UNKNOWN_COUNTS = frozenset({"不明", "未確認", "確認中", "調査中", "集計中", "?"})


def people(column: pd.Series) -> Checked:
    """本人の数 (対象者数): read like ``counts``; a word saying it is not known yet is blank."""
    candidate = ~_matches(column, _COUNT) & (column != "")
    if not candidate.any():
        return counts(column)
    key = _digit_text(column[candidate])
    unknown = key.isin(UNKNOWN_COUNTS) | _matches(key, r"-+")
    return counts(column.mask(unknown.reindex(column.index, fill_value=False), ""))


# A self-reference is one short word that starts like 当社 or 弊社: 当院, 当法人, 当クリニック.
_SELF_REFERENCE = r"[当弊][^\s、。,，.]{1,9}"


def self_references(column: pd.Series) -> Checked:
    """自称: kept as written when it reads as one; otherwise dropped ("") and flagged."""
    readable = _matches(column, _SELF_REFERENCE)
    unreadable = (column != "") & ~readable
    return Checked(column.where(readable, ""), _false(column), unreadable)


_EMAIL = r"[^@\s;,、]+@[^@\s;,、]+\.[^@\s;,、]+"
_EMAILS = rf"{_EMAIL}(?:[\s;,、]+{_EMAIL})*"


def emails(column: pd.Series) -> Checked:
    """E-mail addresses, half-width; several may be separated by ; , 、 or spaces."""
    done = column.str.isascii() & _matches(column, _EMAILS)
    rest = column[~done & (column != "")]
    text = rest.str.normalize("NFKC").str.strip()
    ok = _matches(text, _EMAILS)
    return _merge(Checked(text.where(ok, rest), _false(rest), ~ok), column)
