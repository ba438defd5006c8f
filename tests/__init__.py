"""NoticeDesk's tests: a package, so test modules with the same file name in different folders
import as distinct modules (``tests.cli.test_export``, ``tests.core.documents.…``)."""
