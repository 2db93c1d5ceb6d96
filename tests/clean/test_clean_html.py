"""HTML pages: main text, title and date via trafilatura, then the same line cleaning."""

from __future__ import annotations

from tripwire.clean import clean_article
from tripwire.document import Article

PARAGRAPHS = [
    "The foreign ministers of Eastmark and Westvale met in Port Ellis on Thursday, the first "
    "meeting between the two governments since the border was closed in the spring.",
    "Officials on both sides said the talks, which lasted more than six hours, had been frank "
    "but useful, and that a second round would follow before the end of the month.",
    "The alliance that both countries belong to has urged them to settle the dispute over the "
    "harbour, which has disrupted shipping and trade across the region for months.",
]
PAGE = f"""<!DOCTYPE html><html><head><title>Talks resume | Eastmark Daily</title>
<meta property="article:published_time" content="2024-03-14T09:00:00Z">
<meta property="og:title" content="Talks resume in Port Ellis"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Talks resume in Port Ellis</h1>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
<p>Share this article</p></article>
<footer><p>© 2024 Eastmark Daily. All rights reserved.</p><a href="/about">About us</a></footer>
</body></html>"""


def test_html_main_text_title_and_date():
    cleaned = clean_article(Article(html=PAGE))
    assert cleaned.text == "\n\n".join(PARAGRAPHS)
    assert cleaned.title == "Talks resume in Port Ellis"
    assert cleaned.published == "2024-03-14"


def test_given_metadata_wins_over_the_page():
    cleaned = clean_article(Article(html=PAGE, title="Given", published="2024-03-15"))
    assert (cleaned.title, cleaned.published) == ("Given", "2024-03-15")


def test_a_short_page_keeps_its_text():
    cleaned = clean_article(Article(html="<html><body><p>Short note.</p></body></html>"))
    assert cleaned.text == "Short note."


def test_page_trafilatura_finds_no_article_in_falls_back_to_its_whole_text():
    html = (
        "<html><body><div><a href='/'>Home</a> Quick update: the port is open.</div></body></html>"
    )
    assert clean_article(Article(html=html)).text == "Home Quick update: the port is open."
