"""Documents an office can sign: read back as a 社労士 would, per kind of client and office.

Every assertion is on the rendered text (header, body, tables), never on the template source.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from noticedesk.core.clients import Client
from noticedesk.core.documents import render_document
from noticedesk.core.documents.kinds import KINDS, kinds_for
from noticedesk.core.incident import Incident
from noticedesk.core.office import OfficeProfile
from tests.helpers.documents import client, document_text, sample_incident, sample_office

KINDS_ALL = ("cover", "internal", "report", "individual")


def texts(
    who: Client, office: OfficeProfile | None = None, incident: Incident | None = None
) -> dict[str, str]:
    """Every document this client gets, as text, by kind."""
    office = office or sample_office()
    incident = incident or sample_incident()
    return {
        kind: document_text(render_document(kind, who, office, incident))
        for kind in kinds_for(who.individual, KINDS_ALL)
    }


JOINT = client("株式会社共同", people="12", corporate_number="9499836243985")
ALONE = client("株式会社単独", individual=True, people="30")


# --- the tick decides every paragraph about the joint report ----------------------------


def test_a_joint_client_is_told_it_need_not_report_and_what_goes_to_the_ppc() -> None:
    cover = texts(JOINT)["cover"]
    assert "別途報告を行っていただく必要はございません" in cover
    assert "個別に報告を行われる旨を承って" not in cover
    # Exactly its details as the list prints them, 本人の数 included.
    for line in (
        "名称：株式会社共同",
        "郵便番号：164-0001",
        "法人番号：9499836243985",
        "本人の数：12名",
    ):
        assert line in cover
    assert "個別報告のご案内" not in cover


def test_an_individual_client_is_never_told_the_office_reports_for_it() -> None:
    docs = texts(ALONE)
    cover, report = docs["cover"], docs["report"]
    assert "個別に報告を行われる旨を承っております" in cover
    assert "必要はございません" not in cover
    assert "一覧に記載する" not in cover
    assert "連名により個人情報保護委員会へ報告する事項と同一" not in report
    assert "報告の一覧には含まれておりません" in report
    assert "個別報告のご案内" in cover and "individual" in docs


# --- the individual guide: the client's own clock --------------------------------------


def test_the_guide_counts_the_clients_deadline_from_the_first_notice() -> None:
    guide = texts(ALONE)["individual"]
    # First notice 2023-06-08 is day 1; day 60 is Sunday 2023-08-06, so Monday 08-07.
    assert "確報：2023年8月7日まで" in guide
    assert "2023年8月6日が日曜日のため翌開庁日" in guide
    # The office's own 速報 date (6/9, from 6/5) would be the wrong clock for the client.
    assert "概ね2023年6月12日まで" in guide
    assert "2023年6月10日" not in guide
    # Dated 7/28, past the 速報 guide: it says so rather than ask the impossible.
    assert "既に過ぎております" in guide


def test_the_guide_says_what_the_office_filed_and_where_to_file() -> None:
    guide = texts(ALONE)["individual"]
    assert (
        "2023年6月9日に速報を、2023年7月28日に確報を、個人情報保護委員会へ提出いたしました" in guide
    )
    assert "漏えい等報告フォーム" in guide
    assert "事業所管大臣" in guide


def test_before_filing_the_office_says_by_when_it_will_file_and_why() -> None:
    incident = dataclasses.replace(
        sample_incident(), preliminary_filed_on=None, final_filed_on=None
    )
    cover = texts(JOINT, incident=incident)["cover"]
    assert "確報を2023年8月3日までに提出いたします" in cover
    assert "2023年6月5日を1日目として60日目" in cover
    assert "提出いたしました" not in cover


def test_an_office_deadline_override_is_printed_with_the_rule_beside_it() -> None:
    incident = dataclasses.replace(
        sample_incident(),
        preliminary_filed_on=None,
        final_filed_on=None,
        final_due_override=dt.date(2023, 7, 31),
    )
    cover = texts(JOINT, incident=incident)["cover"]
    assert "確報を2023年7月31日までに提出いたします" in cover
    assert "事務所の判断による期限" in cover and "規定による計算では2023年8月3日" in cover


# --- voices: the client's and the office's -----------------------------------------------


@pytest.mark.parametrize(
    ("name", "self_ref", "other"),
    [
        ("株式会社緑商事", "当社", "貴社"),
        ("医療法人社団 緑会", "当法人", "貴法人"),
        ("社会福祉法人 ひかり会", "当法人", "貴法人"),
        ("一般社団法人 城南協会", "当会", "貴会"),
        ("ソレイユ美容室", "当事業所", "貴事業所"),
        ("田中歯科医院", "当院", "貴院"),
    ],
)
def test_each_client_speaks_and_is_addressed_by_its_legal_form(
    name: str, self_ref: str, other: str
) -> None:
    docs = texts(client(name))
    assert f"{self_ref}が社会保険・労働保険の手続き等を委託している" in docs["internal"]
    assert f"{other}の従業員の皆様" in docs["cover"]
    assert f"{other}から委託を受けて" in docs["report"]
    if other != "貴社":
        assert "貴社" not in docs["cover"] + docs["report"]
        assert "当社" not in docs["internal"]


def test_a_self_reference_column_overrides_the_legal_form() -> None:
    docs = texts(client("株式会社多摩歯科クリニック", self_reference="当院"))
    assert "当院が社会保険・労働保険の手続き等を委託している" in docs["internal"]
    assert "貴院から委託を受けて" in docs["report"]


def test_the_employee_notice_speaks_in_the_clients_voice_not_the_offices() -> None:
    internal = texts(JOINT)["internal"]
    assert "当法人が業務に利用している" not in internal  # the office's overview
    assert "報告するものです" not in internal
    assert "当社は、2023年6月8日に同法人から本件の報告を受けました" in internal
    # Dated and signed by the client: blank where NoticeDesk cannot know.
    assert "　　　　年　　月　　日" in internal
    assert "代表者　" in internal


def test_a_known_representative_signs_the_employee_notice() -> None:
    internal = texts(client("株式会社共同", representative="代表取締役　共同　太郎"))["internal"]
    assert "代表取締役　共同　太郎" in internal
    assert "代表者　　" not in internal


def test_an_individual_office_calls_itself_a_jimusho() -> None:
    office = dataclasses.replace(
        sample_office(),
        name="山田社会保険労務士事務所",
        kind="individual",
        corporate_number="",
        representative_title="所長",
        representative_name="山田　太郎",
    )
    incident = dataclasses.replace(
        sample_incident(),
        service_status="当事務所では、2023年7月15日に業務を再開いたしました。",
        items={
            **sample_incident().items,
            "overview": "当事務所が利用するシステムが不正アクセスを受けました。",
            "publication": "当事務所のウェブサイトにて経過をお知らせしております。",
            "prevention": "当事務所においても委託先の確認を継続してまいります。",
            "response_to_individuals": "顧問先様を通じて従業員の皆様へ通知いたします。",
        },
    )
    docs = texts(ALONE, office=office, incident=incident)
    every = "\n".join(docs.values())
    assert "当法人" not in every and "同法人" not in every
    assert "当事務所は、2023年6月9日に速報を" in docs["cover"]
    assert "同事務所から本件の報告を受けました" in docs["internal"]
    # The registration number is printed as the representative's.
    assert "所長　社会保険労務士　山田　太郎" in docs["report"]
    assert "（登録番号　第13190001号）" in docs["report"]


# --- what is referenced is there --------------------------------------------------------


@pytest.mark.parametrize("who", [JOINT, ALONE], ids=["joint", "individual"])
def test_every_document_that_refers_to_a_contact_point_prints_one(who: Client) -> None:
    incident = sample_incident()
    for kind, text in texts(who).items():
        if "窓口" in text or "お問い合わせ" in text:
            assert incident.contact_phone in text, kind
            assert incident.contact in text, kind


def test_bank_and_pension_items_bring_advice_on_protecting_oneself() -> None:
    internal = texts(JOINT)["internal"]
    assert "通帳や利用明細をご確認ください" in internal
    assert "年金事務所や日本年金機構を名乗る" in internal
    only_names = dataclasses.replace(sample_incident(), data_items=("氏名", "生年月日"))
    plain = texts(JOINT, incident=only_names)["internal"]
    assert "通帳や利用明細" not in plain
    assert "不審な電話" in plain


def test_the_number_of_people_is_a_number_or_said_to_be_unknown() -> None:
    report = texts(JOINT)["report"]
    row = next(line for line in report.splitlines() if line.startswith("3 |"))
    assert "12名" in row
    unknown = texts(client("株式会社不明", employees="40"))["report"]
    row = next(line for line in unknown.splitlines() if line.startswith("3 |"))
    assert "人数は確認中です" in row
    assert "40" not in row  # the headcount is not passed off as the count


def test_an_unknown_date_of_occurrence_is_said_to_be_unknown() -> None:
    incident = dataclasses.replace(sample_incident(), occurred_on=None)
    for text in texts(JOINT, incident=incident).values():
        if "発生日" in text:
            assert "発生日：不明（調査中）" in text
            assert "発生日：2023年6月5日" not in text


def test_retired_employees_and_dependants_are_to_be_told_by_post() -> None:
    cover = texts(JOINT)["cover"]
    assert "退職された方及び被扶養者の方には、郵送等により個別にお知らせ" in cover


def test_the_restart_paragraph_and_the_first_notice_appear_when_known() -> None:
    docs = texts(JOINT)
    assert "【業務の再開について】" in docs["cover"]
    assert "2023年7月15日及び16日にデータ移行作業" in docs["cover"]
    assert "2023年6月8日に第一報をお伝えしておりますが" in docs["report"]
    quiet = dataclasses.replace(sample_incident(), service_status="", clients_notified_on=None)
    quiet_docs = texts(JOINT, incident=quiet)
    assert "業務の再開" not in quiet_docs["cover"]
    assert "第一報" not in quiet_docs["report"]


# --- names, dates, subjects ------------------------------------------------------------


def test_abbreviated_legal_forms_are_written_out_in_letters() -> None:
    docs = texts(client("㈱髙橋製作所"))
    for kind, text in docs.items():
        assert "㈱" not in text, kind
        assert "株式会社髙橋製作所" in text, kind


def test_one_date_style_across_the_mailing() -> None:
    office = dataclasses.replace(sample_office(), date_style="wareki")
    docs = texts(ALONE, office=office)
    for kind in ("cover", "report", "individual"):
        first_lines = docs[kind].splitlines()[:3]
        assert "令和5年7月28日" in first_lines, kind
    assert "確報：令和5年8月7日まで" in docs["individual"]
    assert "令和　　年　　月　　日" in docs["internal"]


@pytest.mark.parametrize(
    "title",
    [
        "利用システム障害について",
        "利用システム障害に関するお知らせ",
        "「利用システム障害」の件",
        "利用システム障害",
    ],
)
def test_the_title_reads_naturally_inside_a_sentence(title: str) -> None:
    incident = dataclasses.replace(sample_incident(), title=title)
    docs = texts(JOINT, incident=incident)
    every = "\n".join(docs.values())
    assert "利用システム障害に関するご報告" in docs["cover"]
    assert not re.search("について(に|の)|に関するお知らせに|の件に|」に関する", every)


# --- association members ------------------------------------------------------------------


def test_the_association_paragraph_follows_membership() -> None:
    member = texts(client("株式会社加入", association="福岡SR経営労務センター"))["cover"]
    assert "福岡SR経営労務センター" in member
    assert sample_incident().associations["福岡SR経営労務センター"] in member
    assert "労働保険事務組合" not in texts(JOINT)["cover"]


def test_every_kind_requires_a_contact_in_a_custom_template() -> None:
    # An office's own template that drops the contact section is refused before export.
    for kind in KINDS.values():
        assert "contact.phone" in kind.required
