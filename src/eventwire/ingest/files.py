"""Read a folder of .txt and .html files, recursively, one article per file; links out of it are not followed."""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from eventwire.ingest.clean import cleaned, path_text
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
    where = path_text(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        return SourceFailure(where, f"unreadable file: {err.strerror or err}")
    text, reason = decode_bytes(raw, where)
    if text is None:
        return SourceFailure(where, reason or "unreadable file")
    return ArticleText(text, title=_title(text), id=article_id, location=where)


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


def link_problem(link: Path, root: Path) -> str | None:
    """Why the symbolic link ``link`` is not followed (it is broken, or leads out of the resolved ``root``)."""
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):  # missing target, or a loop of links
        return "broken symbolic link"
    if not target.is_relative_to(root):
        return f"symbolic link out of the corpus root (to {path_text(target)}); not followed"
    return None


class FolderSource:
    """Every article file under ``root`` (or ``root`` itself when it is a file), in sorted path order.

    Symbolic links: one to a file inside the root is read (under the link's name); one to a folder is never
    walked (a folder inside the root is read where it is); a link out of the root, or a broken one, is not
    followed and is a failure naming the link. The root itself may be a link: what it leads to is the root."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def paths(self) -> list[Path]:
        """The files that will be read, in order."""
        return [path for path, problem in self._entries() if problem is None]

    def _entries(self) -> list[tuple[Path, str | None]]:
        """Each article file and each link not followed (with why), sorted by path; no link's folder is walked."""
        if self.root.is_file():
            return [(self.root, None)]
        root = self.root.resolve()
        found: list[tuple[Path, str | None]] = []
        for folder, folders, files in os.walk(self.root):  # does not descend into linked folders
            for path in (Path(folder, name) for name in folders):
                problem = link_problem(path, root) if path.is_symlink() else None
                if problem is not None:
                    found.append((path, problem))
            for path in (Path(folder, name) for name in files):
                if not is_article_file(path):
                    continue
                problem = link_problem(path, root) if path.is_symlink() else None
                if problem is not None or path.is_file():  # not a pipe or device: reading one could block
                    found.append((path, problem))
        return sorted(found)

    @cleaned
    def read(self) -> Iterator[ArticleText | SourceFailure]:
        if not self.root.exists():
            yield SourceFailure(path_text(self.root), "no such file or folder")
            return
        base = self.root.parent if self.root.is_file() else self.root
        for path, problem in self._entries():
            if problem is not None:
                yield SourceFailure(path_text(path), problem)
                continue
            name = f"{base.name}/{path.relative_to(base).as_posix()}" if base.name else path.name
            article_id = path_text(name)
            if article_id != name:
                log.warning("file name %s is not valid UTF-8; its id is %s", path_text(path), article_id)
            if path.suffix.lower() in HTML_SUFFIXES:
                yield read_html_via_reader(path, article_id)
            else:
                yield read_text_file(path, article_id)
