"""A GDELT-2.0-style event table: one row per incident (a real-world happening counted once).

Mapping (tripwire -> GDELT column): incident id -> GLOBALEVENTID; incident date -> SQLDATE
(YYYYMMDD), MonthYear, Year, FractionDate; source actor -> Actor1Code/Name/CountryCode and its
sector -> Actor1Type1Code; target actor likewise -> Actor2*; CAMEO root code of the PLOVER type ->
EventCode, EventBaseCode and EventRootCode; quad -> QuadClass (the ontology's quad code: 1 verbal
cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict); PLOVER intensity (-10..+10, the same range
as Goldstein's scale) -> GoldsteinScale; mention, source and article counts of the incident ->
NumMentions, NumSources, NumArticles; location -> ActionGeo_FullName/CountryCode/Lat/Long
(ActionGeo_Type 1 when only a country is known, 4 for a named place); first ingest time of its
articles -> DATEADDED (YYYYMMDDHHMMSS); the first article's URL -> SOURCEURL. Only incidents
that happened (asserted, or historical with a known date) are exported, as GDELT records events.
"""

from __future__ import annotations

from tripwire.ontology import ontology
from tripwire.store.database import Store

GDELT_COLUMNS: dict[str, str] = {
    "GLOBALEVENTID": "VARCHAR", "SQLDATE": "INTEGER", "MonthYear": "INTEGER", "Year": "INTEGER",
    "FractionDate": "DOUBLE", "Actor1Code": "VARCHAR", "Actor1Name": "VARCHAR",
    "Actor1CountryCode": "VARCHAR", "Actor1Type1Code": "VARCHAR", "Actor2Code": "VARCHAR",
    "Actor2Name": "VARCHAR", "Actor2CountryCode": "VARCHAR", "Actor2Type1Code": "VARCHAR",
    "IsRootEvent": "INTEGER", "EventCode": "VARCHAR", "EventBaseCode": "VARCHAR",
    "EventRootCode": "VARCHAR", "QuadClass": "INTEGER", "GoldsteinScale": "DOUBLE",
    "NumMentions": "INTEGER", "NumSources": "INTEGER", "NumArticles": "INTEGER",
    "ActionGeo_Type": "INTEGER", "ActionGeo_FullName": "VARCHAR",
    "ActionGeo_CountryCode": "VARCHAR", "ActionGeo_Lat": "DOUBLE", "ActionGeo_Long": "DOUBLE",
    "DATEADDED": "BIGINT", "SOURCEURL": "VARCHAR",
}

_QUAD_CODES = " ".join(f"WHEN '{q.name}' THEN {q.code}" for q in ontology().quads.values())
GDELT_SQL = """
WITH firsts AS (
    SELECT ie.incident_id,
           arg_min(e.cameo, e.date) AS cameo,
           arg_min(e.source_sector, e.date) AS source_sector,
           arg_min(e.target_sector, e.date) AS target_sector,
           arg_min(e.lat, e.date) AS lat, arg_min(e.lon, e.date) AS lon,
           arg_min(a.url, a.ingested_at) AS url,
           min(a.ingested_at) AS added
    FROM incident_events ie
    JOIN events e ON e.id = ie.event_id
    JOIN articles a ON a.id = e.article_id
    GROUP BY ie.incident_id
)
SELECT
    i.id AS GLOBALEVENTID,
    CAST(strftime(i.date, '%Y%m%d') AS INTEGER) AS SQLDATE,
    CAST(strftime(i.date, '%Y%m') AS INTEGER) AS MonthYear,
    year(i.date) AS Year,
    round(year(i.date) + (dayofyear(i.date) - 1) / 365.0, 4) AS FractionDate,
    i.source_actor AS Actor1Code, sa.name AS Actor1Name,
    coalesce(sa.country, CASE WHEN sa.kind = 'state' THEN sa.id END) AS Actor1CountryCode,
    f.source_sector AS Actor1Type1Code,
    i.target_actor AS Actor2Code, ta.name AS Actor2Name,
    coalesce(ta.country, CASE WHEN ta.kind = 'state' THEN ta.id END) AS Actor2CountryCode,
    f.target_sector AS Actor2Type1Code,
    1 AS IsRootEvent,
    f.cameo AS EventCode, left(f.cameo, 3) AS EventBaseCode, left(f.cameo, 2) AS EventRootCode,
    CASE i.quad {quad_codes} END AS QuadClass,
    i.intensity AS GoldsteinScale,
    i.num_mentions AS NumMentions, i.num_sources AS NumSources, i.num_articles AS NumArticles,
    CASE WHEN i.location_name IS NOT NULL THEN 4 WHEN i.location_country IS NOT NULL THEN 1
         ELSE 0 END AS ActionGeo_Type,
    i.location_name AS ActionGeo_FullName, i.location_country AS ActionGeo_CountryCode,
    f.lat AS ActionGeo_Lat, f.lon AS ActionGeo_Long,
    CAST(strftime(f.added, '%Y%m%d%H%M%S') AS BIGINT) AS DATEADDED,
    f.url AS SOURCEURL
FROM incidents i
JOIN firsts f ON f.incident_id = i.id
LEFT JOIN actors sa ON sa.id = i.source_actor
LEFT JOIN actors ta ON ta.id = i.target_actor
WHERE i.happened AND i.date IS NOT NULL
ORDER BY i.date, i.id
""".replace("{quad_codes}", _QUAD_CODES)


def gdelt_relation(store: Store) -> str:
    """The SQL of the export, with columns cast to the documented types."""
    casts = ", ".join(f'CAST("{name}" AS {kind}) AS "{name}"' for name, kind in GDELT_COLUMNS.items())
    return f"SELECT {casts} FROM ({GDELT_SQL})"
