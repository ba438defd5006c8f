"""`noticedesk mail` and the office's mail settings, on the bundled sample case, against a real
SMTP server started by the test; and a run killed half-way, then resumed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from noticedesk.cli.main import main
from noticedesk.core.bundled import sample_dir
from noticedesk.core.secrets import SecretStore
from tests.helpers.case_worker import REPO
from tests.helpers.smtp_server import MailServer, Received

SAMPLE = sample_dir()
WITH_ADDRESS = 27  # the sample's clients with an e-mail address (13 have none)


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, dict]:  # type: ignore[type-arg]
    capsys.readouterr()
    code = main(argv)
    return code, json.loads(capsys.readouterr().out)


def _case(capsys: pytest.CaptureFixture[str], port: int, *, passphrase: bool = False) -> None:
    new = ["case", "new", "メールの事案"] + (["--passphrase"] if passphrase else [])
    assert main(new) == 0
    assert main(["office", "import", str(SAMPLE / "office.toml")]) == 0
    assert main(["case", "import", str(SAMPLE / "roster.csv")]) == 0
    assert main(["case", "incident", str(SAMPLE / "incident.toml")]) == 0
    assert main(["office", "set", "smtp_host", "127.0.0.1"]) == 0
    assert main(["office", "set", "smtp_port", str(port)]) == 0
    capsys.readouterr()


def test_unencrypted_sending_needs_an_explicit_confirmation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["office", "set", "smtp_security", "none"]) == 2
    assert "--allow-unencrypted" in capsys.readouterr().err
    assert main(["office", "set", "smtp_security", "none", "--allow-unencrypted"]) == 0
    assert main(["office", "set", "smtp_security", "tls"]) == 2
    assert main(["office", "set", "smtp_port", "99999"]) == 2
    assert main(["office", "set", "mail_from", "not an address"]) == 2


def test_the_mail_password_goes_to_the_credential_store_only(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, isolated_data_dir: Path
) -> None:
    assert main(["office", "import", str(SAMPLE / "office.toml")]) == 0
    assert main(["office", "set", "smtp_host", "smtp.example.jp"]) == 0
    assert main(["office", "set", "smtp_user", "info"]) == 0
    monkeypatch.setenv("NOTICEDESK_MAIL_PASSWORD", "パス word 1")
    assert main(["office", "mail-password"]) == 0
    assert SecretStore().get("mail-password:info@smtp.example.jp") == "パス word 1"
    assert "パス word 1" not in (isolated_data_dir / "office.toml").read_text("utf-8")


def test_the_dry_run_says_who_gets_what_and_who_not(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _case(capsys, 2525)
    code, report = _json(capsys, ["mail", "--dry-run", "--attach", "docx", "--json"])
    assert report["counts"]["send"] == WITH_ADDRESS
    assert report["counts"]["no_address"] == 40 - WITH_ADDRESS
    assert report["format"] == "docx"
    first = report["clients"][0]
    assert first["to"] == ["soumu01@client01.example.jp"]
    assert first["attachments"][0] == "01_送付状_㈱髙橋製作所.docx"
    # The letter asks for the enclosed reply slip back by the sample's reply-by date.
    assert first["attachments"][-1] == "05_回答書_㈱髙橋製作所.docx"
    assert code == 1  # some clients cannot be sent to: listed
    capsys.readouterr()
    assert main(["mail", "--dry-run", "--attach", "docx", "--show", "C0001"]) in (0, 1)
    shown = capsys.readouterr().out
    assert "Subject: 【ご報告】" in shown and "To: soumu01@client01.example.jp" in shown
    assert "01_送付状_㈱髙橋製作所.docx" in shown


def test_send_over_starttls_then_a_second_run_sends_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with MailServer(tmp_path, tls=True, users={"info": "s3cret"}) as server:
        assert server.cafile is not None
        monkeypatch.setenv("SSL_CERT_FILE", str(server.cafile))
        _case(capsys, server.port)
        assert main(["office", "set", "smtp_user", "info"]) == 0
        monkeypatch.setenv("NOTICEDESK_MAIL_PASSWORD", "s3cret")
        assert main(["office", "mail-password"]) == 0
        monkeypatch.delenv("NOTICEDESK_MAIL_PASSWORD")
        assert main(["office", "mail-test"]) == 0
        assert server.received[-1].recipients == ["info@sakuradai-sr.example.jp"]
        server.received.clear()
        argv = ["mail", "--send", "--attach", "docx", "--per-minute", "0", "--json"]
        code, report = _json(capsys, argv)
        assert code == 0, report
        assert len(report["outcomes"]) == WITH_ADDRESS
        assert len(server.received) == WITH_ADDRESS
        code, again = _json(capsys, argv)
        assert again["outcomes"] == [] and len(server.received) == WITH_ADDRESS
    reasons = {c["reason"] for c in again["not_sent"]}
    assert reasons == {"already_sent", "no_address"}
    code, status = _json(capsys, ["case", "status", "--json"])
    assert status["documents"]["cover"]["sent"] == WITH_ADDRESS


def test_eml_drafts_open_as_unsent_messages_and_are_recorded(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _case(capsys, 2525)
    out = tmp_path / "下書き"
    code, report = _json(capsys, ["mail", "--eml", str(out), "--attach", "docx", "--json"])
    assert code == 0, report
    assert len(report["drafts"]) == WITH_ADDRESS
    draft = message_from_bytes(
        Path(report["drafts"][0]["path"]).read_bytes(), policy=policy.default
    )
    assert draft["X-Unsent"] == "1"
    assert draft["To"] == "soumu01@client01.example.jp"
    assert next(p.get_filename() for p in draft.iter_attachments()) == "01_送付状_㈱髙橋製作所.docx"
    # Existing drafts are never replaced unasked.
    code, refused = _json(capsys, ["mail", "--eml", str(out), "--attach", "docx", "--json"])
    assert code == 2 and "すでにあります" in refused["problems"][0]["message"]
    code, _log = 0, main(["log"])
    assert "メール下書きの作成" in capsys.readouterr().out


def _mail_process(env: dict[str, str]) -> subprocess.Popen[str]:
    argv = ["mail", "--send", "--attach", "docx", "--per-minute", "0", "--json"]
    return subprocess.Popen(
        [sys.executable, "-m", "noticedesk", *argv],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_run_killed_half_way_resumes_and_every_message_arrives_exactly_once(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    isolated_data_dir: Path,
) -> None:
    """The worst moment: the sender is killed while the server holds the 10th message and
    before it answers. The 9 before are recorded sent; the 10th is uncertain (it did arrive);
    the resumed run sends the other 17 and not the 10th; the office confirms the 10th."""
    monkeypatch.setenv("NOTICEDESK_PASSPHRASE", "correct horse battery")
    process: list[subprocess.Popen[str]] = []
    killed = threading.Event()

    def kill_at_tenth(item: Received) -> None:
        if len(server.received) == 10 and not killed.is_set():
            os.kill(process[0].pid, signal.SIGKILL)
            process[0].wait()
            killed.set()

    with MailServer(tmp_path, tls=True, on_message=kill_at_tenth) as server:
        _case(capsys, server.port, passphrase=True)
        env = dict(os.environ, SSL_CERT_FILE=str(server.cafile), PYTHONPATH=str(REPO))
        process.append(_mail_process(env))
        process[0].communicate(timeout=120)
        assert killed.is_set() and process[0].returncode == -signal.SIGKILL
        assert len(server.received) == 10

        resumed = _mail_process(env)
        out, err = resumed.communicate(timeout=120)
        report = json.loads(out)
        assert resumed.returncode == 0, err
        assert len(report["outcomes"]) == WITH_ADDRESS - 10
        uncertain = [c for c in report["not_sent"] if c["reason"] == "uncertain"]
        assert len(uncertain) == 1
        code = uncertain[0]["code"]

        # The office finds the message in the server's log: recorded as sent, nothing sent.
        capsys.readouterr()
        assert main(["mail", "--dry-run", "--confirm-sent", code, "--attach", "docx"]) in (0, 1)
    recipients = [tuple(r.recipients) for r in server.received]
    assert len(recipients) == WITH_ADDRESS == len(set(recipients))
    ids = [r.message["Message-ID"] for r in server.received]
    assert len(set(ids)) == WITH_ADDRESS
    code, status = _json(capsys, ["case", "status", "--json"])
    assert status["documents"]["cover"]["sent"] == WITH_ADDRESS
