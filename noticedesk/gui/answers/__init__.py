"""Clients' answers to the reply slip in the window: recording, undo, the reminder list."""
