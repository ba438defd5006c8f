"""Tests of ``noticedesk.gui.preview``."""
