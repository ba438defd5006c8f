"""Tests of ``noticedesk.gui.shared``."""
