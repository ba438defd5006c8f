"""The bridge to a LibreOffice kept running for the session: a plain script, not imported.

``pdf_resident.ResidentConverter`` starts it with an interpreter that has LibreOffice's ``uno``
module (Debian/Ubuntu: the system ``python3`` with ``python3-uno``; Windows and macOS:
LibreOffice's own bundled Python), because NoticeDesk's own Python cannot load ``uno``.
It uses the standard library and ``uno`` only.

    python uno_bridge.py PIPE_NAME CONNECT_SECONDS

It connects to the soffice listening on the named pipe, then answers one JSON line on stdout
for each JSON line on stdin:

- first, once: ``{"ready": true}``, or ``{"ready": false, "uno": false, "error": …}`` when this
  interpreter has no ``uno`` (the converter then falls back for good), or ``{"ready": false,
  "error": …}`` when soffice never answered;
- ``{"docx": path, "pdf": path}`` → ``{"ok": true}`` or ``{"ok": false, "error": …,
  "connected": bool}`` (false: LibreOffice has gone, the converter restarts it).

Each document is loaded hidden and read-only with macros off, stored with Writer's PDF export
and the same filter options as the one-shot ``soffice --convert-to`` (``pdf.PDF_EXPORT_FILTER``),
and closed. The bridge ends when stdin closes.
"""

import contextlib
import json
import sys
import time


def answer(message: dict) -> None:  # type: ignore[type-arg]
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main() -> int:
    pipe, wait = sys.argv[1], float(sys.argv[2])
    try:
        import uno  # type: ignore[import-not-found, unused-ignore]
        from com.sun.star.beans import (  # type: ignore[import-not-found, unused-ignore]
            PropertyValue,
        )
    except ImportError as exc:
        answer({"ready": False, "uno": False, "error": str(exc)})
        return 3

    def prop(name: str, value: object) -> object:
        item = PropertyValue()
        item.Name = name
        item.Value = value
        return item

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    url = f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext"
    deadline = time.monotonic() + wait
    while True:
        try:
            context = resolver.resolve(url)
            break
        except Exception as exc:  # NoConnectException until soffice listens
            if time.monotonic() > deadline:
                answer({"ready": False, "error": f"LibreOffice did not answer: {exc}"})
                return 4
            time.sleep(0.05)
    desktop = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", context
    )
    # ExportBookmarksToPDFDestination, as pdf.PDF_EXPORT_FILTER gives the one-shot converter.
    filter_data = uno.Any(
        "[]com.sun.star.beans.PropertyValue",
        (prop("ExportBookmarksToPDFDestination", True),),
    )
    load = (
        prop("Hidden", True),
        prop("ReadOnly", True),
        prop("MacroExecutionMode", 0),  # NEVER_EXECUTE
        prop("UpdateDocMode", 0),  # NO_UPDATE: no links followed
    )
    store = (prop("FilterName", "writer_pdf_Export"), prop("FilterData", filter_data))
    answer({"ready": True})

    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        document = None
        try:
            source = uno.systemPathToFileUrl(request["docx"])
            document = desktop.loadComponentFromURL(source, "_blank", 0, load)
            if document is None:
                raise RuntimeError("LibreOffice could not open the document")
            document.storeToURL(uno.systemPathToFileUrl(request["pdf"]), store)
            answer({"ok": True})
        except Exception as exc:
            answer(
                {"ok": False, "error": f"{type(exc).__name__}: {exc}", "connected": alive(desktop)}
            )
        finally:
            if document is not None:
                with contextlib.suppress(Exception):
                    document.close(True)
    return 0


def alive(desktop: object) -> bool:
    """Whether LibreOffice still answers (a crashed soffice disposes the bridge)."""
    try:
        desktop.getFrames()  # type: ignore[attr-defined]
        return True
    except Exception:
        return False


if __name__ == "__main__":
    sys.exit(main())
