"""Find quoted stretches of text from quote marks alone: curly and straight, nested, across paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

NEWLINE = re.compile("\n")

DOUBLE, SINGLE = "double", "single"
_OPEN_BEFORE = " \t\n([{\u2014\u2013-/:"  # characters after which a straight mark opens a quote
_CLOSE_AFTER = " \t\n)]}.,;:!?\u2014\u2013-\u201d\u2019\"'"  # characters before which a straight mark closes


@dataclass(frozen=True)
class QuotedSpan:
    """One top-level quotation: inner offsets (marks excluded) and the marks' outer offsets."""

    start: int
    end: int
    mark_start: int
    mark_end: int
    closed: bool  # False when no closing mark was found and the quote was cut at a paragraph end
    paragraphs: int = 1  # how many paragraphs the quotation runs over


def _straight_double(text: str, i: int, stack: list[tuple[str, int]], width: int = 1) -> str | None:
    prev = text[i - 1] if i else " "
    nxt = text[i + width] if i + width < len(text) else " "
    if prev in _OPEN_BEFORE and nxt not in " \t\n":
        return "open"
    if nxt in _CLOSE_AFTER and prev not in " \t\n":
        return "close"
    if prev.isdigit() and not any(kind == DOUBLE for kind, _ in stack):
        return None  # 5" (inches)
    return "close" if any(kind == DOUBLE for kind, _ in stack) else "open"


def _single(text: str, i: int, stack: list[tuple[str, int]]) -> str | None:
    char = text[i]
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum() and nxt.isalnum():
        return None  # apostrophe: don't, Pashinyan's
    single_open = bool(stack) and stack[-1][0] == SINGLE
    if char == "\u2018" or (char == "'" and prev in _OPEN_BEFORE):
        if nxt.isalpha() or nxt in '"\u201c':
            return "open"
        return None  # '90s, stray
    if single_open and prev not in " \t\n":
        return "close"
    return None  # possessive plural (ministers' remarks) or stray


def _classify(text: str, i: int, stack: list[tuple[str, int]]) -> tuple[str, str] | None:
    char = text[i]
    if char in "\u201c\u201e\u00ab":
        return "open", DOUBLE
    if char in "\u201d\u00bb":
        return "close", DOUBLE
    if char == '"':
        action = _straight_double(text, i, stack)
        return (action, DOUBLE) if action else None
    if text.startswith("''", i) or text.startswith("``", i):  # typewriter double quotes
        action = _straight_double(text, i, stack, 2)
        return (action, DOUBLE) if action else None
    if char in "'\u2018\u2019":
        action = _single(text, i, stack)
        return (action, SINGLE) if action else None
    return None


def _mark_width(text: str, i: int) -> int:
    return 2 if text.startswith(("''", "``"), i) else 1


def _paragraph_ends(text: str) -> list[int]:
    ends = [m.start() for m in NEWLINE.finditer(text)]
    return ends + [len(text)]


def _continues(text: str, para_end: int, kind: str) -> int | None:
    """Offset of the opening mark that starts the next paragraph, if it continues an open quotation."""
    i = para_end
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    if i < len(text) and (
        text[i] in ('\u201c\u201e"' if kind == DOUBLE else "\u2018'") or text.startswith("''", i)
    ):
        return i
    return None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Top-level quotations of ``text`` in order; nested quotes stay inside their outer quote.

    One pass over the characters (linear time). A double quotation left open at a paragraph end
    continues when the next paragraph opens with a mark (the news convention), else it is cut there;
    an unclosed single quotation is dropped (it was most likely an apostrophe).
    """
    spans: list[QuotedSpan] = []
    stack: list[tuple[str, int]] = []
    paragraphs = 1
    para_ends = iter(_paragraph_ends(text))
    para_end = next(para_ends)
    skip_until = -1
    for i, char in enumerate(text):
        if i == para_end:
            if stack:
                kind, opened = stack[0]
                nxt = _continues(text, para_end, kind)
                if kind == DOUBLE and nxt is not None:
                    stack = [stack[0]]
                    new_skip = nxt + _mark_width(text, nxt) - 1
                    paragraphs += new_skip != skip_until  # blank lines between paragraphs come here twice
                    skip_until = new_skip
                else:
                    if kind == DOUBLE:
                        start, end = _trimmed(text, opened + _mark_width(text, opened), para_end)
                        if end > start:
                            spans.append(QuotedSpan(start, end, opened, end, False, paragraphs))
                    stack, paragraphs = [], 1
            para_end = next(para_ends, len(text) + 1)
            continue
        if i <= skip_until or char not in "\"'`\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb":
            continue
        found = _classify(text, i, stack)
        if found is None:
            continue
        action, kind = found
        width = _mark_width(text, i)
        if width == 2:
            skip_until = i + 1
        if action == "open" and not (stack and stack[-1][0] == kind):
            stack.append((kind, i))
            continue
        if action == "open" and kind == SINGLE:
            continue  # an opener of the kind already open: treat as noise
        depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][0] == kind), None)
        if depth is None:
            if action == "open":  # straight double mark that opens while a double is open: close it
                continue
            continue  # stray closing mark
        opened = stack[depth][1]
        del stack[depth:]
        if not stack:
            start, end = _trimmed(text, opened + _mark_width(text, opened), i)
            if end > start:
                spans.append(QuotedSpan(start, end, opened, i + width, True, paragraphs))
            paragraphs = 1
    if stack and stack[0][0] == DOUBLE:
        start, end = _trimmed(text, stack[0][1] + _mark_width(text, stack[0][1]), len(text))
        if end > start:
            spans.append(QuotedSpan(start, end, stack[0][1], end, False, paragraphs))
    return spans
