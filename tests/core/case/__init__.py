"""Tests of ``noticedesk.core.case``: the case file, its keys, its log and its integrity."""
