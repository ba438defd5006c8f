"""Tests of the command line (``noticedesk.cli``), run in process through ``main()``."""
