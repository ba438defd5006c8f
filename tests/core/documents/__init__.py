"""Tests of ``noticedesk.core.documents``: rendering, the export, the preview and print files."""
