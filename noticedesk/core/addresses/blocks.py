"""The address blocks of many clients fitted to one box, with one sentence for those that
cannot be printed (no address at all, or too long even at the smallest size)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from noticedesk.core.addresses.fitting import FittedBlock, Part, fit_block
from noticedesk.core.clients import Client
from noticedesk.core.user_error import UserError

MAX_NAMED = 5  # clients named in one sentence; the rest are counted


class AddressesUnprintable(UserError):
    """Some clients' addresses cannot be printed: nothing was made (``clients`` names them)."""

    def __init__(self, ja: str, en: str, clients: Sequence[Client]) -> None:
        super().__init__(ja, en)
        self.clients = list(clients)


def _named(clients: Sequence[Client]) -> tuple[str, str]:
    shown = clients[:MAX_NAMED]
    ja = "、".join(f"{c.row}行目「{c.name}」" for c in shown)
    en = ", ".join(f"row {c.row} “{c.name}”" for c in shown)
    if len(clients) > MAX_NAMED:
        ja += f" ほか{len(clients) - MAX_NAMED}件"
        en += f" and {len(clients) - MAX_NAMED} more"
    return ja, en


def fit_clients(
    clients: Sequence[Client],
    parts: Callable[[Client], Sequence[Part]],
    box: tuple[float, float],
    ladder: Sequence[float],
    floor: float,
    where: tuple[str, str],
) -> list[FittedBlock]:
    """Each client's block fitted to ``box`` (width, height mm); AddressesUnprintable naming
    every client without an address, else every one whose block does not fit (``where``
    names the envelope or label, in Japanese and English)."""
    missing = [c for c in clients if not c.address.strip()]
    if missing:
        ja, en = _named(missing)
        raise AddressesUnprintable(
            f"住所のない顧問先があるため{where[0]}を作れません: {ja}。顧問先一覧に所在地を"
            "入れてから、もう一度書き出してください",
            f"Some clients have no address, so the {where[1]} cannot be made: {en}. Add the "
            "address to the client list and export again",
            missing,
        )
    blocks: list[FittedBlock] = []
    too_long: list[Client] = []
    for client in clients:
        block = fit_block(parts(client), box[0], box[1], ladder, floor)
        if block is None:
            too_long.append(client)
        else:
            blocks.append(block)
    if too_long:
        ja, en = _named(too_long)
        raise AddressesUnprintable(
            f"住所か名前が長すぎて{where[0]}に収まらない顧問先があります（{ladder[-1]:g}pt でも"
            f"収まりません）: {ja}。大きいラベルか封筒を選ぶか、顧問先一覧の表記を短くしてください",
            f"The address or name of some clients does not fit the {where[1]} even at "
            f"{ladder[-1]:g} pt: {en}. Choose a larger label or envelope, or shorten them in "
            "the client list",
            too_long,
        )
    return blocks


__all__ = ["AddressesUnprintable", "fit_clients"]
