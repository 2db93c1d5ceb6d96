-- tripwire store, version 2: incidents (one real-world happening, counted once) for the signals stage.
CREATE TABLE incidents (
    id VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    quad VARCHAR,
    mode VARCHAR,
    source_actor VARCHAR,
    target_actor VARCHAR,
    happened BOOLEAN NOT NULL,     -- asserted, or historical with a known date: counted in series
    modality VARCHAR NOT NULL,     -- the most frequent modality among its events
    date DATE,                     -- the day most of its reports give
    first_date DATE,
    last_date DATE,
    first_published DATE,
    location_name VARCHAR,
    location_country VARCHAR,
    trigger_text VARCHAR,
    num_events INTEGER NOT NULL,
    num_mentions INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    intensity DOUBLE,
    confidence DOUBLE
);

CREATE TABLE incident_events (
    incident_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL
);

-- The clustering settings the incidents were built with (a change triggers a full rebuild),
-- and `coverage_until`: the last article ingestion time that actor_articles holds.
CREATE TABLE incident_settings (
    name VARCHAR NOT NULL,
    value VARCHAR NOT NULL
);

-- Which actors each article mentions, by publication day, sorted by actor: the coverage that
-- series divide by, read without scanning every mention. article_key is hash(articles.id).
CREATE TABLE actor_articles (
    actor_id VARCHAR NOT NULL,
    published DATE,
    article_key UBIGINT NOT NULL
);
