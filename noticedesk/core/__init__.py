"""The Qt-free core of NoticeDesk: rosters, rules, documents, exports and storage.

Nothing under this package may import Qt; the window and the command line are thin faces
over it, and its tests run without a display.
"""
