"""NoticeDesk: breach notices for a labour and social-insurance consulting office's clients."""

__version__ = "0.1.0"
