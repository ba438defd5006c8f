"""Tests of the Qt-free core: ``noticedesk/core`` and its top-level modules."""
