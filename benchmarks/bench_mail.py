"""What recording each message costs a mail run, against composing it alone.

Run by hand: ``python benchmarks/bench_mail.py [--clients N] [--repeat R]`` (needs the test
extra's ``aiosmtpd``). A case of N clients with addresses is made in a throwaway data folder;
each round then

- composes every client's message (documents rendered, attached as .docx, template filled,
  bytes made): the baseline, the least a run can cost without a converter;
- sends every message through a local SMTP server, unpaced, with the "about to send" and
  "sent" records and their log entries written for each (two durable transactions).

It prints the medians per message and the ratio of the run to the baseline. PDF conversion
(the converter's own cost, ``bench_preview.py``) and the server's real pace are left out on
purpose: they are the same whether a run records or not.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from noticedesk.core.bundled import sample_dir
from noticedesk.core.case import CaseStore, PassphraseKeySource
from noticedesk.core.clients import Client
from noticedesk.core.documents import DOCUMENT_KINDS
from noticedesk.core.incident import load_incident
from noticedesk.core.mail.delivery import compose, send_plan
from noticedesk.core.mail.job import make_job
from noticedesk.core.mail.plan import plan_mail
from noticedesk.core.mail.settings import mail_settings
from noticedesk.core.mail.transport import SmtpTransport
from noticedesk.core.office import load_office
from tests.helpers.cases import roster
from tests.helpers.smtp_server import MailServer


def clients(n: int) -> list[Client]:
    return [
        Client(
            row=i + 4,
            code=f"K{i:05d}",
            name=f"株式会社テスト{i:05d}",
            address=f"東京都千代田区{i}番地",
            phone="03-0000-0000",
            email=f"soumu{i}@client{i}.example.jp",
        )
        for i in range(n)
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    incident = load_incident(sample_dir() / "incident.toml")
    composing: list[float] = []
    running: list[float] = []
    with tempfile.TemporaryDirectory() as tmp, MailServer(Path(tmp)) as server:
        office = replace(
            load_office(sample_dir() / "office.toml"),
            smtp_host="127.0.0.1",
            smtp_port=str(server.port),
            smtp_security="none",
        )
        for round_ in range(args.repeat):
            data = Path(tmp) / f"data{round_}"
            store, _code = CaseStore.create(data, "計測", PassphraseKeySource("bench pass"))
            with store:
                store.import_roster(roster(clients(args.clients)))
                store.set_incident(incident)
                plan = plan_mail(store.clients(), store.mail_records(), DOCUMENT_KINDS)
                job = make_job(office, incident, DOCUMENT_KINDS, converter=None)
                start = time.perf_counter()
                for entry in plan.to_send:
                    compose(job, entry).message.as_bytes()
                composing.append((time.perf_counter() - start) / len(plan.to_send))
                job = make_job(office, incident, DOCUMENT_KINDS, converter=None)
                transport = SmtpTransport(mail_settings(office), None)
                start = time.perf_counter()
                result = send_plan(store, plan, job, transport, per_minute=0)
                running.append((time.perf_counter() - start) / len(plan.to_send))
                assert len(result.sent) == args.clients
                assert len(store.mail_records()) == args.clients
    base, run = statistics.median(composing), statistics.median(running)
    print(f"{args.clients} clients, {args.repeat} rounds (medians per message)")
    print(f"compose only (baseline):          {base * 1000:7.1f} ms")
    print(f"compose, send and record (run):   {run * 1000:7.1f} ms  ({run / base:.2f}x)")


if __name__ == "__main__":
    main()
