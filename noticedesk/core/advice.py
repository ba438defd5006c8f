"""What people can do to protect themselves, printed under その他参考となる事項.

A notice to individuals should help them guard against secondary damage (通則編 3-5-4-3, the
items of 規則10条 read with their purpose: 本人の権利利益を保護するために必要な範囲). Which advice
applies follows from the data items: contact details invite fraudulent calls and mail, bank
details invite account fraud, pension and insurance numbers invite impersonation of those
offices. The wording is ours and practical; practice, not the rule, decides its content.
"""

from __future__ import annotations

from collections.abc import Iterable

# (words that, in a data item, call for the advice; the advice, in neutral voice)
_ADVICE: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("氏名", "住所", "電話", "メール", "生年月日"),
        "本件に乗じた不審な電話、郵便物、電子メール（フィッシングメール）やSMSにご注意ください。"
        "本件に関連して、暗証番号、パスワード、口座番号等をお尋ねすることはございません。",
    ),
    (
        ("口座", "預金", "銀行", "振込"),
        "お心当たりのない入出金がないか、通帳や利用明細をご確認ください。"
        "不審な取引を見つけた場合は、お取引の金融機関へご連絡ください。",
    ),
    (
        ("年金",),
        "年金事務所や日本年金機構を名乗る不審な連絡にご注意ください。"
        "ご自身の年金記録は「ねんきんネット」等で確認できます。",
    ),
    (
        ("健康保険", "雇用保険", "被保険者番号"),
        "保険者やハローワーク等を名乗り、手続きや支払いを求める不審な連絡にご注意ください。",
    ),
)


def protective_advice(data_items: Iterable[str]) -> list[str]:
    """The advice that applies to these data items, in a fixed order, each once."""
    items = list(data_items)
    return [
        advice for words, advice in _ADVICE if any(word in item for item in items for word in words)
    ]
