"""Short pages and feeds written for these tests (invented stories, not real articles)."""

from __future__ import annotations

from html import escape

PARAGRAPHS = (
    "The harbour authority of Port Elsin said on Monday that the northern pier would close for repairs "
    "after storms damaged its wooden supports last week.",
    "Engineers from the regional works department inspected the pier and found that three of its piles had "
    "shifted, a spokeswoman for the authority told reporters.",
    "Fishing boats will moor at the southern quay until the work is done, which the authority expects to take "
    "about six weeks.",
)


def article_page(title: str = "Northern pier to close for repairs", paragraphs: tuple[str, ...] = PARAGRAPHS,
                 published: str | None = "2024-03-11", author: str | None = "Mara Lind",
                 site: str | None = "The Elsin Courier") -> bytes:
    """A small news page with the metadata trafilatura reads: title, date, author, site name."""
    meta = [f'<meta property="og:title" content="{escape(title)}">']
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}T08:30:00Z">')
    if author:
        meta.append(f'<meta name="author" content="{escape(author)}">')
    if site:
        meta.append(f'<meta property="og:site_name" content="{escape(site)}">')
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title>{''.join(meta)}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{escape(title)}</h1>{body}</article>"
        "<footer>Copyright The Elsin Courier</footer></body></html>"
    ).encode()


BROKEN_PAGE = (
    b"<html><head><title>Ferry timetable changes</title></head><body><div class='story'><p>The ferry between "
    b"Port Elsin and Harrow Isle will sail twice a day from April, the operator said, <b>dropping the "
    b"<i>evening crossing</b> that few passengers used.<p>Tickets bought for later dates will be refunded "
    b"<span>in full, the operator added.</div></td></table></body"
)

NAV_ONLY_PAGE = b"<html><head><title>Index</title></head><body><nav><a href='/a'>A</a></nav></body></html>"

BINARY_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))


def rss_feed(items: list[dict[str, str]], title: str = "Elsin Courier: latest") -> bytes:
    """An RSS 2.0 feed; each item has link, title, and optionally guid, summary, pubDate."""
    parts = []
    for item in items:
        fields = [f"<title>{escape(item['title'])}</title>", f"<link>{escape(item['link'])}</link>"]
        if "guid" in item:
            fields.append(f"<guid>{escape(item['guid'])}</guid>")
        if "summary" in item:
            fields.append(f"<description>{escape(item['summary'])}</description>")
        if "pubDate" in item:
            fields.append(f"<pubDate>{item['pubDate']}</pubDate>")
        parts.append(f"<item>{''.join(fields)}</item>")
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>{escape(title)}</title><link>http://127.0.0.1/</link><description>test feed</description>"
        f"{''.join(parts)}</channel></rss>"
    ).encode()


def atom_feed(items: list[dict[str, str]], title: str = "Harrow Isle Gazette") -> bytes:
    """An Atom feed; each item has id, link, title, updated and optionally summary."""
    entries = "".join(
        f"<entry><id>{escape(i['id'])}</id><title>{escape(i['title'])}</title>"
        f"<link href='{escape(i['link'])}'/><updated>{i['updated']}</updated>"
        f"<summary>{escape(i.get('summary', ''))}</summary></entry>"
        for i in items
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>{escape(title)}</title><id>urn:test:gazette</id><updated>2024-03-12T00:00:00Z</updated>"
        f"{entries}</feed>"
    ).encode()
