"""Read a folder of .txt and .html files, recursively, one article per file."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator
from pathlib import Path

from eventwire.ingest.decode import decode_bytes
from eventwire.records import ArticleText, SourceFailure

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
# Corpora ship their own documentation next to the articles (BBC's README.TXT); it is not news.
DOCUMENTATION_STEMS = frozenset({"readme", "license", "licence", "provenance", "changelog", "copying"})


def is_article_file(path: Path) -> bool:
    """A .txt/.html file that is not a corpus's own documentation or a hidden file."""
    if path.name.startswith(".") or path.stem.lower() in DOCUMENTATION_STEMS:
        return False
    return path.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES


def read_text_file(path: Path, article_id: str) -> ArticleText | SourceFailure:
    """A plain-text article: the first line is the title when a blank line follows it."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        return SourceFailure(str(path), f"unreadable file: {err.strerror or err}")
    text, reason = decode_bytes(raw, str(path))
    if text is None:
        return SourceFailure(str(path), reason or "unreadable file")
    return ArticleText(text, title=_title(text), id=article_id, location=str(path))


def read_html_via_reader(path: Path, article_id: str) -> ArticleText | SourceFailure:
    """Read the page with ``ingest.html.read_html_file``, keeping our stable, folder-relative id."""
    from eventwire.ingest.html import read_html_file  # trafilatura loads only when a page comes

    result = read_html_file(path)
    if isinstance(result, ArticleText) and result.id != article_id:
        return dataclasses.replace(result, id=article_id)
    return result


def _title(text: str) -> str | None:
    lines = text.lstrip("\ufeff").splitlines()
    if len(lines) >= 2 and lines[0].strip() and not lines[1].strip():
        return lines[0].strip()
    return None


class FolderSource:
    """Every article file under ``root`` (or ``root`` itself when it is a file), in sorted path order."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def paths(self) -> list[Path]:
        if self.root.is_file():
            return [self.root]
        return sorted(p for p in self.root.rglob("*") if p.is_file() and is_article_file(p))

    def read(self) -> Iterator[ArticleText | SourceFailure]:
        if not self.root.exists():
            yield SourceFailure(str(self.root), "no such file or folder")
            return
        base = self.root.parent if self.root.is_file() else self.root
        for path in self.paths():
            article_id = f"{base.name}/{path.relative_to(base).as_posix()}" if base.name else path.name
            if path.suffix.lower() in HTML_SUFFIXES:
                yield read_html_via_reader(path, article_id)
            else:
                yield read_text_file(path, article_id)
