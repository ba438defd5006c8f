"""The problems a roster row can have, found column by column and told as the user sees them.

Severities, decided by what the office can still do with the row:
- errors block an export, because the office cannot know whom or how to list:
  ``missing_name`` (the row is not read as a client), ``duplicate_client`` (same name and
  address twice), ``duplicate_code`` (one 顧問先コード for two rows: re-imports match clients by
  it), ``answer_unknown`` (an individual-report answer that is neither yes nor no), and
  ``undecodable_text`` (characters lost to a damaged encoding would be printed in a letter);
- warnings are shown and exported past: ``phone_unreadable``, ``phone_zero_restored``,
  ``phone_missing`` (joint-report clients only: the regulator's list needs a phone, a client
  reporting itself does not), ``address_missing``, ``postal_unreadable``,
  ``postal_zero_restored``, ``corporate_number_invalid``, ``corporate_number_exponent``,
  ``association_unnamed``, ``employees_unreadable``, ``people_unreadable`` (a 対象者数 that is
  not a count, kept as written), ``self_reference_unreadable`` (a 自称 that is not one word
  starting with 当 or 弊, dropped so the legal form decides), ``email_invalid``,
  ``private_use_character`` (a 外字 that will not print as meant), and the file-wide
  ``missing_column`` for an absent address or phone column and ``column_not_read`` for a
  column that looks like a field the list lacks but is not read as it (個別報告する).
Every message names the value it is about, in Japanese and in English.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from noticedesk.core.clients import Issue, Severity

Message = Callable[[str], tuple[str, str]]


def flag(
    mask: pd.Series,
    rows: pd.Series,
    values: pd.Series,
    column: str | None,
    severity: Severity,
    code: str,
    message: Message,
) -> list[Issue]:
    """One Issue per row where ``mask`` is true; ``message`` turns the cell value into text."""
    if not mask.any():
        return []
    issues = []
    for row, value in zip(rows[mask].tolist(), values[mask].tolist(), strict=True):
        ja, en = message(str(value))
        issues.append(Issue(int(row), column, severity, code, ja, en))
    return issues


# --- messages ------------------------------------------------------------------------------


def missing_name(_: str) -> tuple[str, str]:
    return (
        "事業所名が空欄です。この行は顧問先として読み込んでいません。",
        "The client name is blank; this row was not read as a client.",
    )


def phone_unreadable(value: str) -> tuple[str, str]:
    return (
        f"電話番号「{value}」を読み取れません。書かれたとおりに残しています。",
        f"Cannot read the phone number “{value}”; it is kept as written.",
    )


def phone_zero_restored(change: str) -> tuple[str, str]:
    return (
        f"電話番号の先頭の 0 が欠けていたため補いました（{change}）。"
        "Excel で数値の列として保存された可能性があります。",
        f"The phone number had lost its leading zero and was repaired ({change}); "
        "the column was probably stored as numbers in Excel.",
    )


def postal_zero_restored(change: str) -> tuple[str, str]:
    return (
        f"郵便番号の先頭の 0 が欠けていたため補いました（{change}）。"
        "Excel で数値の列として保存された可能性があります。",
        f"The postal code had lost its leading zeros and was repaired ({change}); "
        "the column was probably stored as numbers in Excel.",
    )


def phone_missing(_: str) -> tuple[str, str]:
    return (
        "電話番号が空欄です。共同報告の顧問先一覧には電話番号が必要です。",
        "The phone number is blank; the joint report's list of clients needs it.",
    )


def address_missing(_: str) -> tuple[str, str]:
    return (
        "所在地が空欄です。報告の顧問先一覧と文書の送付に所在地が必要です。",
        "The address is blank; the report's list and the mailing need it.",
    )


def postal_unreadable(value: str) -> tuple[str, str]:
    return (
        f"郵便番号「{value}」を読み取れません（7 桁の数字が必要です）。書かれたとおりに残しています。",
        f"Cannot read the postal code “{value}” (7 digits expected); it is kept as written.",
    )


def corporate_number_invalid(value: str) -> tuple[str, str]:
    if len(value) == 13 and value.isdigit():
        return (
            f"法人番号「{value}」はチェックディジット（先頭の数字）が合いません。番号を確かめてください。",
            f"The corporate number “{value}” has a wrong check digit (its first digit); please check it.",
        )
    return (
        f"法人番号「{value}」は 13 桁の数字ではありません。",
        f"The corporate number “{value}” is not 13 digits.",
    )


def corporate_number_exponent(value: str) -> tuple[str, str]:
    return (
        f"法人番号が「{value}」と指数で表示されていて、桁が失われています。"
        "Excel で列の書式を文字列にして番号を入れ直してください。",
        f"The corporate number shows as “{value}” in exponent form and its digits are lost; "
        "format the column as text in Excel and enter the number again.",
    )


def answer_unknown(value: str) -> tuple[str, str]:
    return (
        f"個別報告の回答「{value}」を判別できません。希望する場合は「○」、しない場合は空欄にしてください。",
        f"Cannot tell whether “{value}” means yes or no for individual reporting; "
        "write ○ for yes or leave it blank.",
    )


def association_unnamed(value: str) -> tuple[str, str]:
    return (
        f"労働保険事務組合の欄が「{value}」で、組合名がありません。文書では「労働保険事務組合」と記載します。",
        f"The labour-insurance association is marked “{value}” without its name; "
        "documents will say “労働保険事務組合”.",
    )


def employees_unreadable(value: str) -> tuple[str, str]:
    return (
        f"従業員数「{value}」を人数として読めません。書かれたとおりに残しています。",
        f"Cannot read “{value}” as a number of employees; it is kept as written.",
    )


def people_unreadable(value: str) -> tuple[str, str]:
    return (
        f"対象者数（本人の数）「{value}」を人数として読めません。書かれたとおりに残しています。"
        "数字だけにするか、分からない場合は空欄にしてください。",
        f"Cannot read “{value}” as the number of people affected; it is kept as written. "
        "Write a number, or leave it blank if it is not known.",
    )


def self_reference_unreadable(value: str) -> tuple[str, str]:
    return (
        f"自称「{value}」は「当社」「当院」「弊社」のような呼び方として読めないため使いません。"
        "文書では事業所名の法人の種類から決めた呼び方（当社・当法人・当事業所など）にします。",
        f"“{value}” does not read as a self-reference such as 当社, 当院 or 弊社, so it is not "
        "used; the documents use the one the name's legal form gives (当社, 当法人, 当事業所 …).",
    )


def email_invalid(value: str) -> tuple[str, str]:
    return (
        f"メールアドレス「{value}」の形式が正しくありません。",
        f"“{value}” is not a valid e-mail address.",
    )


def undecodable_text(_: str) -> tuple[str, str]:
    return (
        "読めない文字があります（「\ufffd」と表示しています）。元のファイルの文字コードか内容を確かめてください。",
        "This cell has characters that could not be decoded (shown as “\ufffd”); "
        "check the file's encoding or content.",
    )


def private_use_character(_: str) -> tuple[str, str]:
    return (
        "外字（そのパソコンだけで作った文字）が含まれています。印刷や他のパソコンでは別の文字になるおそれがあります。",
        "This cell has a private-use character (外字) that prints differently on other computers.",
    )


def missing_column(label_ja: str, label_en: str) -> Issue:
    return Issue(
        None,
        None,
        Severity.WARNING,
        "missing_column",
        f"{label_ja}の列が見つかりません。共同報告の顧問先一覧には{label_ja}が必要です。",
        f"No {label_en} column was found; the joint report's list of clients needs it.",
    )


def column_not_read(header: str, label_ja: str, label_en: str) -> Issue:
    return Issue(
        None,
        header,
        Severity.WARNING,
        "column_not_read",
        f"「{header}」の列は読み込んでいません。{label_ja}の列であれば、"
        f"列の対応でこの列を「{label_ja}」に指定してください。",
        f"The column “{header}” was not read. If it holds the {label_en}, "
        f"map it to “{label_en}” in the column mapping.",
    )


# --- duplicates ----------------------------------------------------------------------------

_LEGAL_FORMS = {
    "(株)": "株式会社",
    "(有)": "有限会社",
    "(合)": "合同会社",
    "(資)": "合資会社",
    "(名)": "合名会社",
    "(医)": "医療法人",
    "(社)": "社団法人",
    "(福)": "社会福祉法人",
}
_FOLD = str.maketrans(
    {" ": None, "\t": None, "\n": None, "\r": None, **dict.fromkeys("番号‐‑‒–—―−ー－", "-")}
)


def _canonical(names: pd.Series, addresses: pd.Series) -> pd.Series:
    # ㈱, (株) and 株式会社 are one company, and 中野3丁目5番13号 and 中野3-5-13 one place;
    # spaces and character width do not make another client. Both halves are folded at once,
    # with plain replacements rather than regular expressions: this runs over every row.
    key = (names + "\x1f" + addresses).str.normalize("NFKC").str.casefold()
    key = key.str.replace("丁目", "-", regex=False).str.replace("番地", "-", regex=False)
    key = key.str.translate(_FOLD).str.rstrip("-")
    bracketed = key.str.contains("(", regex=False)
    if bracketed.any():
        part = key[bracketed]
        for short, full in _LEGAL_FORMS.items():
            part = part.str.replace(short, full, regex=False)
        key = key.mask(bracketed, part)
    return key


def duplicates(names: pd.Series, addresses: pd.Series, rows: pd.Series, column: str) -> list[Issue]:
    """Later rows with the same name and address as an earlier row; each names the first.

    The message says what is the same, not that the rows are one client: two branches at
    one address are two clients, and the office decides (a row left out, or both kept)."""
    key = _canonical(names, addresses)
    return _repeats(key, rows, names != "", column, "duplicate_client", _same_place)


def duplicate_codes(codes: pd.Series, rows: pd.Series, column: str) -> list[Issue]:
    """Later rows with the client code of an earlier row; each names the first.

    A code is what a re-import knows a client by, so one code on two rows blocks the export
    until the office decides. The message names the code and the first row and never calls
    the rows one client: two different clients given one code is the usual cause."""
    key = codes.str.normalize("NFKC").str.casefold()
    return _repeats(key, rows, codes != "", column, "duplicate_code", _same_code(codes))


def _same_place(first: int, _: int) -> tuple[str, str]:
    return (
        f"行 {first} と事業所名・所在地が同じです。同じ顧問先であれば、どちらか一方を削除してください。",
        f"Same name and address as row {first}; if it is the same client, delete one of them.",
    )


def _same_code(codes: pd.Series) -> Callable[[int, int], tuple[str, str]]:
    def message(first: int, position: int) -> tuple[str, str]:
        code = codes.iloc[position]
        return (
            f"顧問先コード「{code}」は行 {first} でも使われています。",
            f"The client code “{code}” is also used in row {first}.",
        )

    return message


def _repeats(
    key: pd.Series,
    rows: pd.Series,
    eligible: pd.Series,
    column: str,
    code: str,
    message: Callable[[int, int], tuple[str, str]],
) -> list[Issue]:
    repeated = key.duplicated(keep="first") & eligible
    if not repeated.any():
        return []
    first_row = rows.groupby(key, sort=False).transform("first")
    issues = []
    positions = repeated.to_numpy().nonzero()[0]
    for position in positions.tolist():
        ja, en = message(int(first_row.iloc[position]), position)
        issues.append(Issue(int(rows.iloc[position]), column, Severity.ERROR, code, ja, en))
    return issues
