"""Choosing and loading the interface language.

Strings in code are English, through ``tr()``; the Japanese translation is shipped as
``resources/i18n/noticedesk_ja.qm``. Order of choice: ``--lang``, then the language saved in the
settings, then the system locale (Japanese if the system is Japanese, English otherwise). Qt's
own dialogs (file dialogs, message box buttons) get ``qtbase_ja`` from the Qt installation.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from noticedesk.core.bundled import bundled_dir

SUPPORTED = ("ja", "en")


def choose_language(explicit: str | None, saved: str | None, system: QLocale | None = None) -> str:
    for candidate in (explicit, saved):
        if candidate in SUPPORTED:
            return str(candidate)
    locale = system if system is not None else QLocale.system()
    return "ja" if locale.language() == QLocale.Language.Japanese else "en"


def translations_dir() -> str:
    return str(bundled_dir("resources") / "i18n")


class Translation:
    """The translators installed on the application; ``switch`` replaces them in place."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def switch(self, language: str) -> bool:
        """Install ``language``; returns False if our translation file could not be loaded."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
            # Parented to the application, a removed translator would live (with its loaded
            # catalogue) until the program ends: one pair more on every switch.
            translator.deleteLater()
        self._installed = []
        self.language = language if language in SUPPORTED else "en"
        if self.language == "en":
            return True  # the source strings are English
        ok = True
        ours = QTranslator(self._app)
        if ours.load(f"noticedesk_{self.language}", translations_dir()):
            self._installed.append(ours)
        else:
            ours.deleteLater()
            ok = False
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_own = QTranslator(self._app)
        if qt_own.load(f"qtbase_{self.language}", qt_dir):
            self._installed.append(qt_own)
        else:
            qt_own.deleteLater()
        for translator in self._installed:
            self._app.installTranslator(translator)
        return ok
