"""System tests: LibreOffice, a real Secret Service, the built program, the real display."""
