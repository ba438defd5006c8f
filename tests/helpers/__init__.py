"""What the tests share: inputs, fakes, the window factory and ``require_tool``."""
