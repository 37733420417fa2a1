"""Score toponym detection and placement on LGL (local US news, lgl.xml) with the GeoWebNews scorer."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from geowebnews import SHARED, Gold, run  # noqa: E402

DEFAULT = SHARED / "lgl" / "lgl.xml"


def read_lgl(path: Path) -> list[tuple[str, list[Gold]]]:
    """(text, gold toponyms that carry a GeoNames tag) per article."""
    docs = []
    for article in ET.parse(path).getroot():
        golds = []
        for t in article.find("toponyms") or ():
            tag = t.find("gaztag")
            if tag is not None and tag.findtext("lat") and tag.findtext("lon"):
                golds.append(Gold(int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                                  t.findtext("phrase") or "", float(tag.findtext("lat") or 0),
                                  float(tag.findtext("lon") or 0)))
        docs.append((article.findtext("text") or "", golds))
    return docs


def main(argv: list[str] | None = None) -> int:
    return run(argv, DEFAULT, read_lgl)


if __name__ == "__main__":
    raise SystemExit(main())
