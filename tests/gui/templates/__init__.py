"""Tests of ``noticedesk.gui.templates``."""
