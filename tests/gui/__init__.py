"""Tests of the window (``noticedesk.gui``): a room's tests in the folder of its name, tests that cross
rooms here."""
