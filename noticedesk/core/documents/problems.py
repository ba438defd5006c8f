"""A problem with the inputs of an export, in Japanese and English (the core's ``Problem``)."""

from __future__ import annotations

from noticedesk.core.problems import Problem

InputProblem = Problem

__all__ = ["InputProblem"]
