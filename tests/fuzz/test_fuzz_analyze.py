"""Property tests: whatever text or markup comes in, `analyze` returns a valid Document whose
offsets all lie inside its text, and raises nothing (but E013 for a publication date that cannot
be right)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tripwire.analyze import analyze
from tripwire.dates import EARLIEST_PUBLISHED, latest_published
from tripwire.document import Article
from tripwire.errors import BadRecord
from tripwire.schema import validate_document

pytestmark = pytest.mark.slow

NEWSY = st.sampled_from([
    "Marovia", "shelled", "Tessel", "on Tuesday", "“", "”", '"', "said", "he", "the Compact",
    "will not", "talks", "next week", "\n\n", ".", ",", "NATO", "Russia", "troops", "2.5 years",
    "«", "»", "‘", "’", "—", "Jan. 12", "12/01/2022", "©", "AP", "Watch our videos", "\u00a0",
])
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(NEWSY, max_size=60).map(" ".join),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=100),
)
DATES = st.one_of(st.none(), st.dates(min_value=EARLIEST_PUBLISHED,
                                     max_value=dt.date.today()).map(lambda d: d.isoformat()))


def assert_valid(article: Article) -> None:
    doc = analyze(article)
    errors = validate_document(doc.to_dict())
    assert errors == [], errors


@given(text=TEXTS, published=DATES)
def test_any_text_gives_a_valid_document(text: str, published: str | None) -> None:
    assert_valid(Article(text=text, published=published))


@given(published=st.one_of(
    st.dates(max_value=EARLIEST_PUBLISHED - dt.timedelta(days=1)),
    st.dates(min_value=latest_published() + dt.timedelta(days=1))))
def test_an_implausible_date_is_refused_with_e013(published: dt.date) -> None:
    with pytest.raises(BadRecord) as refused:
        analyze(Article(text="Talks resumed.", published=published.isoformat()))
    assert refused.value.code == "E013"


@given(depth=st.integers(min_value=1, max_value=3000), body=st.lists(NEWSY, max_size=20))
def test_deeply_nested_html_gives_a_valid_document(depth: int, body: list[str]) -> None:
    html = "<html><body>" + "<div>" * depth + "<p>" + " ".join(body) + "</p>" + "</div>" * depth
    assert_valid(Article(html=html + "</body></html>"))


@given(text=st.text(min_size=1, max_size=50))
def test_markup_fragments_give_a_valid_document(text: str) -> None:
    assert_valid(Article(html=f"<p>{text}</p><script>{text}</script><<>>&amp;&#99999999;"))


def test_one_huge_line_gives_a_valid_document() -> None:
    assert_valid(Article(text="Marovia shelled Tessel " * 12_000))


def test_text_over_the_parse_limit_is_refused_with_a_clear_error() -> None:
    try:
        analyze(Article(text="Marovia shelled Tessel " * 20_000, origin="big.txt"))
    except BadRecord as exc:
        assert exc.code == "E012" and exc.where == "big.txt"
    else:
        raise AssertionError("an over-long text must be refused")
