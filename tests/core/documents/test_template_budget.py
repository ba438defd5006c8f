"""A template cannot exhaust the machine: every bound ends in a sentence naming the template.

Each template is generated here: the bundled cover letter (so it passes the template check's
required items) with one more paragraph holding the hazard. The program bounds each one
itself; the tests assert the sentence and the exit code, never a timing.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest

from noticedesk.cli.main import main
from noticedesk.core.bundled import templates_dir
from noticedesk.core.clients import Client
from noticedesk.core.documents import (
    ExportProblem,
    export_case,
    export_workers,
    find_input_problems,
    limits,
    render_document,
)
from noticedesk.core.documents.rendering import TemplateProblem, template_failure
from tests.helpers.documents import client, sample_incident, sample_office

TOO_LARGE = "大きすぎる出力を作ろうとしました"
ENDLESS = "処理が終わりません"

# name -> (the paragraph added to the cover letter, the sentence's head, a word of its reason)
HAZARDS: dict[str, tuple[str, str, str]] = {
    "range of a billion": ("{% for i in range(10**9) %}{{ i }}{% endfor %}", TOO_LARGE, "range"),
    "nested ranges": (
        "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
        ENDLESS,
        "1,000,000 回",
    ),
    "three nested ranges": (
        "{% for i in range(9999) %}{% for j in range(9999) %}{% for k in range(9999) %}"
        "{{ k }}{% endfor %}{% endfor %}{% endfor %}",
        ENDLESS,
        "1,000,000 回",
    ),
    "text times a billion": ("{{ 'A' * 10**9 }}", TOO_LARGE, "文字"),
    "center a billion": ("{{ client.name|center(10**9) }}", TOO_LARGE, "文字"),
    "center method": ("{{ client.name.center(10**9) }}", TOO_LARGE, "文字"),
    "batch a billion": ("{{ advice|batch(10**9)|list }}", TOO_LARGE, "一覧"),
    "slice a billion": ("{{ advice|slice(10**9)|list }}", TOO_LARGE, "一覧"),
    "join with a huge separator": ("{{ [1, 2, 3]|join('x' * 999999) }}", TOO_LARGE, "文字"),
    "format width": ("{{ '{:>1000000000}'.format(client.name) }}", TOO_LARGE, "文字"),
    "percent width": ("{{ '%*s' % (10**9, client.name) }}", TOO_LARGE, "文字"),
    "indent": ("{{ client.name|indent(10**9) }}", TOO_LARGE, "文字"),
    "doubling a list": (
        "{% set ns = namespace(x=[1]) %}{% for i in range(60) %}"
        "{% set ns.x = [ns.x, ns.x] %}{% endfor %}{{ ns.x }}",
        TOO_LARGE,
        "一覧",
    ),
    "doubling a text": (
        "{% set ns = namespace(x='ab') %}{% for i in range(60) %}"
        "{% set ns.x = ns.x ~ ns.x %}{% endfor %}{{ ns.x }}",
        TOO_LARGE,
        "文字",
    ),
    "output of a loop": (
        "{% for i in range(10000) %}{% for j in range(99) %}{{ 'x' * 999 }}{% endfor %}"
        "{% endfor %}",
        TOO_LARGE,
        "20,000,000",
    ),
    "power": ("{{ 7 ** (10 ** 9) }}", TOO_LARGE, "桁"),
    "macro calling itself": (
        "{% macro again() %}{{ again() }}{% endmacro %}{{ again() }}",
        ENDLESS,
        "入れ子",
    ),
    "recursive loop": (
        "{% for x in [1] recursive %}{{ loop([x]) }}{% endfor %}",
        ENDLESS,
        "入れ子",
    ),
    "float overflow": ("{{ 10.0 ** 400 }}", TOO_LARGE, "数が大きすぎます"),
}


def cover_with(folder: Path, paragraph: str) -> Path:
    """``folder/cover.docx``: the bundled cover letter plus ``paragraph``."""
    document = docx.Document(str(templates_dir() / "cover.docx"))
    document.add_paragraph(paragraph)
    folder.mkdir(exist_ok=True)
    document.save(str(folder / "cover.docx"))
    return folder


@pytest.mark.parametrize("name", list(HAZARDS))
def test_the_template_check_names_the_template(name: str, tmp_path: Path) -> None:
    paragraph, head, reason = HAZARDS[name]
    folder = cover_with(tmp_path / "templates", paragraph)
    problems = find_input_problems(sample_office(), sample_incident(), folder, ["cover"])
    assert len(problems) == 1, problems
    message = problems[0].message
    assert message.startswith("テンプレート「cover.docx」")
    assert head in message and reason in message
    english = problems[0].message_en
    assert english.startswith("Template cover.docx ")
    assert "large" in english or "finish" in english


@pytest.mark.parametrize("name", list(HAZARDS))
def test_the_command_line_says_it_and_writes_nothing(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paragraph, head, _reason = HAZARDS[name]
    folder = cover_with(tmp_path / "templates", paragraph)
    out = tmp_path / "out"
    code = main(["export", "--demo", "--templates", str(folder), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 2
    assert "テンプレート「cover.docx」" in captured.err and head in captured.err
    assert "予期しないエラー" not in captured.err and "Traceback" not in captured.err
    assert not out.exists()


def test_a_loop_within_every_limit_still_ends_on_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # 998,001 iterations (under the step limit) of a filter on a long text: minutes of work.
    # The budget is cut to half a second so that the test is quick; the check is the same.
    monkeypatch.setattr(limits, "DOCUMENT_SECONDS", 0.5)
    paragraph = (
        "{% for i in range(999) %}{% for j in range(999) %}"
        "{% set s = ('a ' * 5000)|wordwrap(3) %}{% endfor %}{% endfor %}"
    )
    folder = cover_with(tmp_path / "templates", paragraph)
    problems = find_input_problems(sample_office(), sample_incident(), folder, ["cover"])
    assert [p.message for p in problems] == [
        "テンプレート「cover.docx」の処理が終わりません（1通の作成に 0.5 秒を超えてかかっています）"
    ]
    assert problems[0].message_en == (
        "Template cover.docx does not finish (one document took more than 0.5 seconds)"
    )
    out = tmp_path / "out"
    code = main(["export", "--demo", "--templates", str(folder), "--out", str(out)])
    assert code == 2 and "0.5 秒" in capsys.readouterr().err
    assert not out.exists()


def slow_for(name: str, hazard: str) -> str:
    """A paragraph that is harmless for every client but ``name`` (the check's sample client
    passes, so the export itself meets it)."""
    return f'{{% if client.name == "{name}" %}}{hazard}{{% endif %}}'


def test_the_preview_gets_the_sentence(tmp_path: Path) -> None:
    folder = cover_with(tmp_path / "templates", slow_for("重い商事", "{{ 'A' * 10**9 }}"))
    office, incident = sample_office(), sample_incident()
    assert render_document("cover", client("軽い商事"), office, incident, folder)
    with pytest.raises(TemplateProblem) as caught:
        render_document("cover", client("重い商事"), office, incident, folder)
    assert caught.value.message.startswith("テンプレート「cover.docx」が大きすぎる出力")
    assert caught.value.message_en.startswith("Template cover.docx tried to make too large")


def roster() -> list[Client]:
    return [client(f"株式会社{i:02d}", row=4 + i, code=f"C{i:02d}") for i in range(6)] + [
        client("重い商事", row=20, code="C99")
    ]


def failed_export(out: Path, hazard: str, **options: Any) -> ExportProblem:
    """Export ``roster()``'s cover letters with ``hazard`` met by 重い商事 only."""
    folder = cover_with(out.parent / "templates", slow_for("重い商事", hazard))
    with pytest.raises(ExportProblem) as caught:
        export_case(
            roster(),
            sample_office(),
            sample_incident(),
            out,
            ["cover"],
            templates_dir=folder,
            **options,
        )
    return caught.value


def test_an_export_names_the_client_and_the_template(tmp_path: Path) -> None:
    out = tmp_path / "out"
    problem = failed_export(out, "{{ 'A' * 10**9 }}")
    message = problem.messages()[0]
    assert "「重い商事」" in message and "テンプレート「cover.docx」" in message
    assert TOO_LARGE in message and "作成済みの文書はそのまま残っています" in message
    assert "重い商事" in problem.messages("en")[0]
    assert len(list(out.rglob("*.docx"))) == 6  # the clients before it
    assert not (out / "C99_重い商事").exists()


def test_a_worker_past_its_time_names_the_client_and_the_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The worker's own budget (0.2 s, sent with the job) ends the loop in the worker.
    monkeypatch.setattr(limits, "DOCUMENT_SECONDS", 0.2)
    endless = (
        "{% for i in range(9999) %}{% for j in range(99) %}"
        "{{ ('a ' * 5000)|wordwrap(3)|length }}{% endfor %}{% endfor %}"
    )
    message = failed_export(tmp_path / "out", endless, workers=2).messages()[0]
    assert "「重い商事」の文書をテンプレート「cover.docx」から作成できません" in message
    assert "0.2 秒" in message


def test_a_worker_stuck_in_one_operation_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One filter on a long text runs for a second or more where the template's own checks
    # cannot look; the watchdog (0.1 s budget + 0.2 s) stops the pool and names the document.
    monkeypatch.setattr(limits, "DOCUMENT_SECONDS", 0.1)
    monkeypatch.setattr(export_workers, "STUCK_GRACE_SECONDS", 0.2)
    stuck = "{% set text = 'a ' * 499999 %}" + "{{ text|urlize|length }}" * 20
    out = tmp_path / "out"
    problem = failed_export(out, stuck, workers=2)
    message = problem.messages()[0]
    assert "「重い商事」の文書をテンプレート「cover.docx」から作成できません" in message
    assert "0.3 秒を過ぎても終わらないため中断しました" in message
    assert "0.3 seconds" in problem.messages("en")[0]
    assert not [p for p in out.iterdir() if p.name.startswith(".noticedesk-")]


@pytest.mark.parametrize(
    ("error", "head", "reason"),
    [
        (OverflowError("int too large"), "が" + TOO_LARGE, "数が大きすぎます"),
        (MemoryError(), "が" + TOO_LARGE, "メモリが足りません"),
        (RecursionError("maximum recursion"), "の" + ENDLESS, "呼び出しが深すぎます"),
        (AssertionError(), "で文書を作成できません", "AssertionError"),
        (ZeroDivisionError("division by zero"), "で文書を作成できません", "0 で割っています"),
    ],
)
def test_what_python_raises_becomes_the_same_kind_of_sentence(
    error: BaseException, head: str, reason: str
) -> None:
    problem = template_failure("cover.docx", error)
    assert problem is not None
    assert problem.message == f"テンプレート「cover.docx」{head}（{reason}）"
    assert template_failure("cover.docx", KeyboardInterrupt()) is None


def test_division_by_zero_in_a_template_is_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = cover_with(tmp_path / "templates", "{{ 1 / 0 }}")
    code = main(["export", "--demo", "--templates", str(folder), "--out", str(tmp_path / "o")])
    assert code == 2
    assert "テンプレート「cover.docx」で文書を作成できません（0 で割っています）" in (
        capsys.readouterr().err
    )


def test_lists_cannot_be_changed_by_a_template(tmp_path: Path) -> None:
    # Immutable: a list a template measured cannot grow afterwards.
    folder = cover_with(tmp_path / "templates", "{{ advice.append(advice) }}")
    problems = find_input_problems(sample_office(), sample_incident(), folder, ["cover"])
    assert len(problems) == 1 and "cover.docx" in problems[0].message
    assert "unsafe" in problems[0].message


def test_ordinary_uses_of_the_same_features_still_work(tmp_path: Path) -> None:
    paragraph = (
        "{{ client.name|center(30) }}|{{ '-' * 10 }}|{{ advice|join('／') }}|"
        "{{ '%05d' % 42 }}|{{ '{:>6}'.format('右') }}|{% for i in range(3) %}{{ i }}{% endfor %}|"
        "{{ [1, 2]|sum }}|{{ (advice|batch(2)|list)|length }}|{{ 2 ** 10 }}|"
        "{% set ns = namespace(n=0) %}{% for a in advice %}{% set ns.n = ns.n + 1 %}"
        "{% endfor %}{{ ns.n }}"
    )
    folder = cover_with(tmp_path / "templates", paragraph)
    office, incident = sample_office(), sample_incident()
    assert find_input_problems(office, incident, folder, ["cover"]) == []
    data = render_document("cover", client("株式会社テスト"), office, incident, folder)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "|----------|" in text and "|00042|" in text and "|     右|" in text
    assert "|012|3|" in text and "|1024|" in text
