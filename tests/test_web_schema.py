"""schemathesis against the OpenAPI schema of the real app on a real SQLite store: generated
requests, valid (positive) and schema-violating (negative), never get a server error (5xx).
Bounded: 30 examples per operation and mode."""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from web_store import sample_store  # noqa: E402

from dateline.web import create_app  # noqa: E402

EXAMPLES = 30


@pytest.fixture(scope="module")
def operations(tmp_path_factory):
    db = sample_store(tmp_path_factory.mktemp("schema") / "s.sqlite")
    app = create_app(str(db))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    ops = [r.ok() for r in schema.get_all_operations()]
    yield {f"{op.method.upper()} {op.path}": op for op in ops}
    app.state.store.close()


def test_schema_lists_every_endpoint(operations):
    assert set(operations) == {
        "GET /api/stories", "GET /api/stories/{story_id}", "GET /api/articles/{article_id}",
        "GET /api/events", "GET /api/actors/{actor_id}", "GET /api/quotes", "GET /api/notes",
        "POST /api/notes"}


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_server_error(operations, mode):
    for name, op in operations.items():
        @given(case=op.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case):
            case.call_and_validate(checks=[not_a_server_error])

        run()
