"""The window: a thin Qt face over ``noticedesk.core``."""
