"""Where the tests find the checkout and its sample case, whatever folder a test lives in."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "sample"  # the bundled sample case: roster, office, incident
