"""Tests that run the project's own tools over the tree (ruff, mypy)."""
