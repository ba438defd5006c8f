"""Tests of ``noticedesk.gui.common``."""
