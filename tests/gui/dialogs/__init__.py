"""Tests of ``noticedesk.gui.dialogs``."""
