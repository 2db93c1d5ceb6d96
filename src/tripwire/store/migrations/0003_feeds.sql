-- tripwire store, version 3: what the feed watcher and fetcher have seen, so a restart neither
-- refetches a page nor loses one. Written by tripwire.scale.crawl_log.
CREATE TABLE feeds (
    url VARCHAR PRIMARY KEY,
    title VARCHAR,
    etag VARCHAR,
    last_modified VARCHAR,
    status VARCHAR,
    error VARCHAR,
    checked_at TIMESTAMP
);

CREATE TABLE fetched_urls (
    url VARCHAR PRIMARY KEY,
    feed_url VARCHAR,
    title VARCHAR,
    published DATE,
    status VARCHAR NOT NULL,
    settled BOOLEAN NOT NULL,
    http_status INTEGER,
    etag VARCHAR,
    last_modified VARCHAR,
    attempts INTEGER NOT NULL,
    error VARCHAR,
    article_id VARCHAR,
    fetched_at TIMESTAMP NOT NULL
);
