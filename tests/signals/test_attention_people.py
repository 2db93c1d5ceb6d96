"""Attention through the real pipeline: an article that names two heads of state is about
their two states, even where it never names the states themselves."""

from __future__ import annotations

import datetime as dt

import numpy as np

from tripwire.analyze import analyze
from tripwire.signals.alerts import detector_frame
from tripwire.signals.daily import Calendar, load_attention
from tripwire.signals.detectors import DyadDays
from tripwire.signals.incidents import ensure_incidents
from tripwire.store import Store

TEXT = ("Vladimir Putin spoke with Volodymyr Zelensky on Tuesday. Putin warned Zelensky that "
        "the talks would fail.")


def test_an_article_naming_two_leaders_counts_for_their_states(store: Store) -> None:
    document = analyze(TEXT, published="2021-03-02")
    store.ingest([document])
    ensure_incidents(store)
    cur = store.cursor()
    mentioned = {row[0] for row in cur.execute("SELECT actor_id FROM mentions").fetchall()}
    assert {"person:vladimir-putin", "person:volodymyr-zelensky"} <= mentioned
    assert not {"RUS", "UKR"} & mentioned, "the text names the states; the test needs it not to"
    covered = {row[0] for row in cur.execute("SELECT actor_id FROM actor_articles").fetchall()}
    assert {"RUS", "UKR", "person:vladimir-putin"} <= covered
    # the attention of the state pair counts the article
    day = dt.date(2021, 3, 2)
    calendar = Calendar(day, day)
    zero = np.zeros(1)
    days = {("RUS", "UKR"): DyadDays(zero, zero, zero, zero, zero, rungs=np.zeros((5, 1)),
                                     forces=np.zeros((3, 1)), articles=np.zeros(1))}
    load_attention(cur, days, calendar)
    assert days[("RUS", "UKR")].articles.tolist() == [1.0]
    # the threat of one president to the other is an incident of the two states
    row = cur.execute("SELECT count(*) FROM incidents WHERE source_actor = 'RUS' "
                      "AND target_actor = 'UKR'").fetchone()
    assert row and row[0] >= 1
    assert not detector_frame(store, ("RUS", "UKR")).empty
