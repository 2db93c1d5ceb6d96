-- tripwire store, version 1: articles and everything analysed from them.
CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL UNIQUE,
    url VARCHAR,
    source VARCHAR,
    published DATE,
    title VARCHAR,
    kicker VARCHAR,
    text VARCHAR NOT NULL,
    document JSON NOT NULL,
    ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE actors (
    id VARCHAR PRIMARY KEY,
    name VARCHAR,
    kind VARCHAR,
    country VARCHAR,
    sector VARCHAR,
    affiliation VARCHAR,
    office VARCHAR
);

CREATE TABLE mentions (
    article_id VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text VARCHAR
);

CREATE TABLE quotes (
    article_id VARCHAR NOT NULL,
    n INTEGER NOT NULL,
    text VARCHAR,
    start INTEGER,
    "end" INTEGER,
    kind VARCHAR,
    speaker_actor VARCHAR,
    speaker_text VARCHAR,
    cue VARCHAR
);

CREATE TABLE times (
    article_id VARCHAR NOT NULL,
    n INTEGER NOT NULL,
    text VARCHAR,
    start INTEGER,
    "end" INTEGER,
    type VARCHAR,
    value VARCHAR,
    earliest DATE,
    latest DATE
);

CREATE TABLE events (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    published DATE,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    context VARCHAR[],
    quad VARCHAR,
    cameo VARCHAR,
    intensity DOUBLE,
    date DATE,
    date_precision VARCHAR,
    modality VARCHAR NOT NULL,
    attributed_to VARCHAR,
    source_actor VARCHAR,
    source_country VARCHAR,
    source_sector VARCHAR,
    target_actor VARCHAR,
    target_country VARCHAR,
    target_sector VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    sentence_start INTEGER,
    sentence_end INTEGER,
    sentence_text VARCHAR,
    trigger_text VARCHAR,
    trigger_start INTEGER,
    trigger_end INTEGER,
    confidence DOUBLE,
    mention_count INTEGER
);

CREATE TABLE event_actors (
    event_id VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    actor VARCHAR,
    text VARCHAR,
    country VARCHAR,
    sector VARCHAR
);

CREATE INDEX events_date ON events (date);
CREATE INDEX events_dyad ON events (source_actor, target_actor);
CREATE INDEX mentions_article ON mentions (article_id);
