"""schemathesis against /openapi.json over real HTTP: no generated request gets a server error.

The server runs on a copy of the hand-made database with ingest enabled and the real signals
stage, so generated requests reach every handler, writes included.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from server_world import TOKEN, serving

from tripwire.server.app import create_app


@pytest.fixture(scope="module")
def fuzzed_url(hand_made_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    copy = shutil.copy(hand_made_db, tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb")
    with serving(create_app(copy, token=TOKEN, max_body=20_000)) as url:
        yield url


OPERATIONS = [
    ("GET", "/api/events"), ("GET", "/api/events/{event_id}"), ("GET", "/api/articles/{article_id}"),
    ("GET", "/api/actors"), ("GET", "/api/network"), ("GET", "/api/quotes"),
    ("GET", "/api/alerts"), ("GET", "/api/signals"), ("POST", "/api/analyze"),
    ("POST", "/api/ingest"), ("GET", "/api/export/events"),
]


@pytest.fixture(scope="module")
def api_schema(fuzzed_url: str) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(fuzzed_url + "/openapi.json")


def test_every_operation_is_fuzzed(api_schema: schemathesis.BaseSchema) -> None:
    found = {(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)


# schemathesis' pytest plugin (from_fixture) breaks under pytest 9, so hypothesis drives each
# operation's strategy directly.
@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_generated_requests_get_no_server_error(api_schema: schemathesis.BaseSchema,
                                                method: str, path: str) -> None:
    @given(case=api_schema[path][method].as_strategy())
    @settings(max_examples=12, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def call(case: schemathesis.Case) -> None:
        case.call_and_validate(
            headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60,
            checks=[not_a_server_error, status_code_conformance, content_type_conformance,
                    response_schema_conformance])

    call()
