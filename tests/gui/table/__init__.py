"""Tests of ``noticedesk.gui.table``."""
