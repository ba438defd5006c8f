"""The command-line face of NoticeDesk: thin commands over ``noticedesk.core``."""
