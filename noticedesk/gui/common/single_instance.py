"""The running window's local channel, and a second start handing its file over it.

The message and the channel's name are ``noticedesk.core.single_instance``'s; here is only Qt's
local socket (a named pipe on Windows, a socket file on macOS and Linux), opened to the user's
own processes only (``UserAccessOption``).

A second start connects before it builds any window. It gets one of three answers: the file
was delivered (it exits), nobody listens (it becomes the first), or a window listens but does
not answer in time (hung, or busy in a modal loop that does not return): it then opens its own
window, which the case store allows (two windows on one case stay consistent), without taking
the channel from the other.
"""

from __future__ import annotations

import enum
import sys

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from noticedesk.core.single_instance import ACK, HandOff, decode, encode, is_complete

CONNECT_MS = 1000
ANSWER_MS = 5000
# A client that connects and sends nothing is dropped after this, so it holds no socket.
IDLE_MS = 10_000


class Delivery(enum.Enum):
    DELIVERED = "delivered"
    NOBODY = "nobody"  # no window listens: this start opens the window
    NO_ANSWER = "no answer"  # a window listens but did not confirm in time


def hand_off(name: str, request: HandOff, timeout_ms: int = ANSWER_MS) -> Delivery:
    """Send ``request`` to the window listening on ``name`` and wait for its answer."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return Delivery.NOBODY
    _allow_the_first_to_come_forward()
    socket.write(encode(request))
    if not socket.waitForBytesWritten(timeout_ms):
        socket.abort()
        return Delivery.NO_ANSWER
    answer = b""
    while not answer.endswith(b"\n") and socket.waitForReadyRead(timeout_ms):
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return Delivery.DELIVERED if answer == ACK else Delivery.NO_ANSWER


def _allow_the_first_to_come_forward() -> None:
    """Windows lets only the foreground process raise a window; a start from Explorer is that
    process, and passes the right on (ASFW_ANY) so the first window can come to the front."""
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(-1)


def first_or_hand_off(name: str, request: HandOff) -> InstanceServer | None:
    """None when a running window took ``request``; else this start's listening server."""
    delivery = hand_off(name, request)
    if delivery is Delivery.DELIVERED:
        return None
    server = InstanceServer(name)
    server.listen(replace_stale=delivery is Delivery.NOBODY)
    return server


class InstanceServer(QObject):
    """Listens on the channel while the window is open; ``handed_off`` per second start."""

    handed_off = Signal(object)  # HandOff

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self, *, replace_stale: bool) -> bool:
        """Start listening; ``replace_stale``: nobody answered, so a socket file left by a
        program that ended without closing it (macOS, Linux) may be removed first."""
        if self._server.listen(self.name):
            return True
        if replace_stale:
            QLocalServer.removeServer(self.name)
            return self._server.listen(self.name)
        return False

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is not None:
                _Connection(socket, self.handed_off, self)


class _Connection(QObject):
    """One second start's message, read as it arrives, answered once."""

    def __init__(self, socket: QLocalSocket, handed_off: SignalInstance, parent: QObject) -> None:
        super().__init__(parent)
        self._socket, self._handed_off, self._buffer = socket, handed_off, b""
        socket.setParent(self)
        socket.readyRead.connect(self._read)
        socket.disconnected.connect(self.deleteLater)
        QTimer.singleShot(IDLE_MS, self, self._drop)
        self._read()

    def _read(self) -> None:
        self._buffer += bytes(self._socket.readAll().data())
        if not is_complete(self._buffer):
            return
        request = decode(self._buffer.split(b"\n", 1)[0] + b"\n")
        self._socket.readyRead.disconnect(self._read)
        if request is None:
            self._drop()
            return
        self._socket.write(ACK)
        self._socket.flush()
        self._socket.disconnectFromServer()
        self._handed_off.emit(request)

    def _drop(self) -> None:
        if self._socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            self._socket.abort()
        self.deleteLater()
