"""Cleaning of plain text: every artefact kind on short invented reports."""

from __future__ import annotations

from tripwire.clean import clean_article
from tripwire.clean.plaintext import title_variants
from tripwire.document import Article, Caption, Removed, Repair, Subhead

LONG = (
    "The council of Eastmark met on Tuesday to discuss the harbour dispute with Westvale, "
    "and its chair said talks would continue next month."
)


def clean(text: str, **meta: str):
    return clean_article(Article(text=text, **meta))


def test_glued_kicker_is_split_from_the_first_word():
    cleaned = clean("border tensionEastmark recalled its ambassador on Monday.")
    assert cleaned.kicker == "border tension"
    assert cleaned.text == "Eastmark recalled its ambassador on Monday."


def test_words_with_inner_capitals_are_not_kickers():
    cleaned = clean("iPhone sales fell in Eastmark last year.")
    assert cleaned.kicker is None
    assert cleaned.text == "iPhone sales fell in Eastmark last year."


def test_blank_line_runs_collapse_and_paragraphs_stay():
    cleaned = clean("First paragraph here.\n\n\n\n\n\nSecond paragraph   here.\n")
    assert cleaned.text == "First paragraph here.\n\nSecond paragraph here."


def test_subheads_leave_the_text_and_point_at_their_section():
    cleaned = clean(f"{LONG}\n\nharbour talks\n\n{LONG}")
    assert cleaned.subheads == [Subhead("harbour talks", len(LONG) + 2)]
    assert cleaned.text == f"{LONG}\n\n{LONG}"
    assert cleaned.text[cleaned.subheads[0].start :].startswith("The council")


def test_a_short_first_line_or_a_last_line_is_not_a_subhead():
    cleaned = clean(f"{LONG}\n\nThe end of the story")
    assert cleaned.subheads == []
    assert cleaned.text.endswith("The end of the story")


def test_caption_with_copyright_credit():
    cleaned = clean(f"{LONG}\n\nSoldiers at the northern border © AP\n\n{LONG}")
    assert cleaned.captions == [Caption("Soldiers at the northern border", "AP")]
    assert "Soldiers" not in cleaned.text


def test_caption_with_photo_credit():
    cleaned = clean(f"{LONG}\n\nThe chair leaves the council hall. Photo: Reuters\n\n{LONG}")
    assert cleaned.captions == [Caption("The chair leaves the council hall.", "Reuters")]


def test_caption_with_credit_in_brackets():
    cleaned = clean(f"{LONG}\n\nProtesters in the capital (Photo: Jane Roe/AFP)\n\n{LONG}")
    assert cleaned.captions == [Caption("Protesters in the capital", "Jane Roe/AFP")]


def test_call_to_action_and_sharing_lines_are_removed_with_their_kind():
    text = "\n\n".join(
        [
            LONG,
            "Watch our news videos in the playlist below:",
            "Read also: Westvale closes its consulate",
            "Share this article",
            "Facebook Twitter Email",
        ]
    )
    cleaned = clean(text)
    assert cleaned.text == LONG
    assert cleaned.removed == [
        Removed("cta", "Watch our news videos in the playlist below:"),
        Removed("cta", "Read also: Westvale closes its consulate"),
        Removed("share", "Share this article"),
        Removed("share", "Facebook Twitter Email"),
    ]


def test_newsletter_cookie_copyright_and_tag_lines_are_removed():
    text = "\n\n".join(
        [
            LONG,
            "Sign up for our daily newsletter to get the top stories in your inbox.",
            "We use cookies to improve your experience. By continuing you accept our policy.",
            "© 2024 Eastmark Daily News. All rights reserved.",
            "Tags: Eastmark, Westvale, diplomacy",
        ]
    )
    cleaned = clean(text)
    assert cleaned.text == LONG
    assert [r.kind for r in cleaned.removed] == ["newsletter", "cookie", "copyright", "tags"]


def test_byline_is_removed():
    cleaned = clean(f"By Jane Roe and John Doe\n\n{LONG}")
    assert cleaned.removed == [Removed("byline", "By Jane Roe and John Doe")]
    assert cleaned.text == LONG


def test_a_paragraph_starting_with_by_is_not_a_byline():
    text = "By Tuesday the council had agreed to meet again."
    assert clean(text).text == text


def test_wire_dateline_is_cut_and_without_a_year_fills_nothing():
    cleaned = clean("ARDEN, Jan 7 (Reuters) - Eastmark closed its border on Friday.")
    assert cleaned.text == "Eastmark closed its border on Friday."
    assert cleaned.removed == [Removed("dateline", "ARDEN, Jan 7 (Reuters) -")]
    assert cleaned.published is None


def test_dateline_with_a_year_fills_published():
    cleaned = clean("ARDEN, Jan 7, 2023 (Reuters) - Eastmark closed its border.")
    assert cleaned.published == "2023-01-07"


def test_upper_case_city_dateline_with_dash():
    cleaned = clean("PORT ELLIS — The harbour reopened on Sunday after a week of talks.")
    assert cleaned.text == "The harbour reopened on Sunday after a week of talks."
    assert cleaned.removed[0].kind == "dateline"


def test_story_date_line_fills_published_when_none_is_given():
    cleaned = clean("This story is from March 4, 2021\n\narden: police detained ten people.")
    assert cleaned.published == "2021-03-04"
    assert cleaned.removed == [Removed("story-date", "This story is from March 4, 2021")]
    assert cleaned.text == "arden: police detained ten people."


def test_story_date_line_never_overrides_a_given_date():
    cleaned = clean("This story is from March 4, 2021\n\nText.", published="2021-03-05")
    assert cleaned.published == "2021-03-05"


def test_doubled_words_are_repaired_and_recorded():
    cleaned = clean("The minister said this this afternoon that the the talks failed.")
    assert cleaned.text == "The minister said this afternoon that the talks failed."
    assert cleaned.repairs == [
        Repair("doubled-word", "this this", "this"),
        Repair("doubled-word", "the the", "the"),
    ]


def test_good_doubled_words_and_names_stay():
    text = "He had had enough, and he said that that was final in Walla Walla."
    cleaned = clean(text)
    assert cleaned.text == text
    assert cleaned.repairs == []


def test_hyphenation_across_lines_is_repaired():
    cleaned = clean("The government announced a cam-\npaign against smuggling.")
    assert cleaned.text == "The government announced a campaign against smuggling."
    assert cleaned.repairs == [Repair("hyphenation", "cam-\npaign", "campaign")]


def test_hard_wrapped_lines_are_rejoined_but_list_lines_stay_apart():
    wrapped = (
        "The council of Eastmark met on Tuesday to discuss the\nharbour dispute with Westvale."
    )
    assert clean(wrapped).text == (
        "The council of Eastmark met on Tuesday to discuss the harbour dispute with Westvale."
    )
    assert clean("Members:\nEastmark\nWestvale").text == "Members:\n\nEastmark\n\nWestvale"


def test_empty_text_gives_empty_body():
    assert clean("").text == ""
    assert clean("\n\n  \n").text == ""


def test_cleaning_is_idempotent():
    once = clean(f"crisis talksEastmark agreed.\n\n{LONG}\n\nShare this article").text
    assert clean(once).text == once


def test_dateline_in_the_second_paragraph_is_cut():
    cleaned = clean(f"{LONG}\n\nARDEN, Sept 29 (Eastmark Wire) - Columns of trucks moved north.")
    assert cleaned.text == f"{LONG}\n\nColumns of trucks moved north."
    assert cleaned.removed == [Removed("dateline", "ARDEN, Sept 29 (Eastmark Wire) -")]


def test_source_and_desk_lines_are_bylines_not_subheads():
    cleaned = clean(f"{LONG}\n\nEastmark Herald\n\n{LONG}\n\nRiver Radio | news desk\n\n{LONG}")
    assert cleaned.subheads == []
    assert sorted(r.text for r in cleaned.removed if r.kind == "byline") == [
        "Eastmark Herald",
        "River Radio | news desk",
    ]
    assert cleaned.text == "\n\n".join([LONG] * 3)


def test_title_and_its_parts_are_removed_from_the_body():
    cleaned = clean(
        f"Talks resume in Port Ellis\n\n{LONG}", title="World | Talks resume in Port Ellis - Daily"
    )
    assert cleaned.removed == [Removed("title", "Talks resume in Port Ellis")]
    assert cleaned.text == LONG


def test_title_variants_skip_short_section_and_site_names():
    assert title_variants("Opinion | Talks resume in Port Ellis - The Daily") == {
        "opinion | talks resume in port ellis - the daily",
        "talks resume in port ellis",
    }
    assert title_variants(None) == set()


def test_copyright_line_is_not_a_caption():
    cleaned = clean(f"{LONG}\n\nCopyright © 2024 Eastmark Daily News")
    assert cleaned.captions == []
    assert cleaned.removed == [Removed("copyright", "Copyright © 2024 Eastmark Daily News")]


def test_relative_timestamps_and_widget_lines_are_removed():
    text = "\n\n".join(
        [LONG, "14H ago", "3 days ago at 08:58 am", "Share on Mail (Opens in new window)"]
    )
    cleaned = clean(text)
    assert cleaned.text == LONG
    assert [r.kind for r in cleaned.removed] == ["timestamp", "timestamp", "share"]


def test_a_sentence_about_years_ago_stays():
    text = "5 years ago the harbour was closed to all ships."
    assert clean(text).text == text


def test_page_labels_and_player_notices_leave_the_body() -> None:
    text = ("Story highlights The minister resigned on Friday\n\n"
            "The minister resigned after a vote of no confidence in parliament on Friday.\n\n"
            "Advertisement Continue reading the main story\n\n"
            "Talks collapse To view this video please enable JavaScript, and consider upgrading "
            "to a web browser that supports HTML5 video\n\n"
            "Your browser does not support the audio element.\n\n"
            "The opposition called for early elections.\n\n"
            "Edited by: Jana Novak")
    cleaned = clean_article(Article(text=text))
    assert cleaned.text.startswith("The minister resigned on Friday")
    for junk in ("Story highlights", "Advertisement", "JavaScript", "audio element", "Edited by"):
        assert junk not in cleaned.text
    assert {r.kind for r in cleaned.removed} >= {"label", "advertisement", "player", "byline"}


def test_highlights_above_a_wire_dateline_without_a_dash_are_removed():
    cleaned = clean("Eastmark recalls envoy, says the ministry\nTalks may resume next month\n"
                    f"Arden, Eastmark (Reuters) {LONG}\n\n{LONG}")
    assert cleaned.text == f"{LONG}\n\n{LONG}"
    assert [r.kind for r in cleaned.removed] == ["highlights", "highlights", "dateline"]


def test_datelines_with_a_day_and_month_or_a_colon_are_cut():
    assert clean(f"Eastmark Times, 6 May - {LONG}").text == LONG
    assert clean(f"ARDEN: {LONG}").text == LONG
    cleaned = clean(f"ARDEN- 24 July 2022: {LONG}")
    assert (cleaned.text, cleaned.published) == (LONG, "2022-07-24")


def test_notes_after_a_bullet_at_the_end_are_a_footer():
    cleaned = clean(f"{LONG} “We will not give in,” she said. • This article was amended on 3 May. "
                    "• Jane Roe is a fellow at the Arden Institute.")
    assert cleaned.text == f"{LONG} “We will not give in,” she said."
    assert [r.kind for r in cleaned.removed] == ["footer"]
    listed = f"{LONG} Members: • Eastmark • Westvale"
    assert clean(listed).text == listed


def test_sign_offs_disclaimers_and_contact_lines_are_removed():
    text = (f"{LONG}\n\nThe views expressed in this article do not necessarily reflect those of "
            "the Arden Post.\n\nHave a tip? Jane Roe may be reached at jroe@example.com.\n\n"
            "Follow the Arden Post on Facebook and Twitter.\n\nSOURCE: Arden Wire\n\n"
            "With Post wires\n\nRead More")
    cleaned = clean(text)
    assert cleaned.text == LONG
    assert [r.kind for r in cleaned.removed] == ["disclaimer", "cta", "cta", "byline", "byline",
                                                 "cta"]


def test_photo_credits_and_republication_notes_are_removed():
    cleaned = clean(f"{LONG}\n\n(Photo by Jane Roe/Arden Wire)\n\n{LONG}\n\n"
                    "This article was originally published on The Arden Review.")
    assert cleaned.text == f"{LONG}\n\n{LONG}"
    assert [c.text for c in cleaned.captions] == ["(Photo by Jane Roe/Arden Wire)"]
    assert [r.kind for r in cleaned.removed] == ["disclaimer"]
