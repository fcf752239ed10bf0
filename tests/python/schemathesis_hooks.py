"""schemathesis hooks for the citygraph contract test: an NDJSON body serializer, and jobs that
really run (valid queries on the seeded graph, whose ids the job routes then use)."""
import ast
import json
import threading

import schemathesis

# CPython 3.11's parser keeps its recursion depth in shared state, so two threads parsing at once
# (hypothesis describes the lambdas of its strategies with `ast.parse`, and the run has two
# workers) can fail with "AST constructor recursion depth mismatch". One parse at a time.
_AST_LOCK = threading.Lock()
_ast_parse = ast.parse


def _parse_one_at_a_time(*args, **kwargs):
    with _AST_LOCK:
        return _ast_parse(*args, **kwargs)


ast.parse = _parse_one_at_a_time


def _as_int(v):
    """A query value as an int when it is one (ASCII digits; `'³'.isdigit()` is true too)."""
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, str) and v.isascii() and v.isdigit():
        return int(v)
    return None

# A valid body for every job query, on the contract test's seed (seed-data/, whose cities and
# networks include these).
JOB_EXAMPLES = {
    "centrality": {"metric": "betweenness", "top": 3},
    "components": {"members": True},
    "path": {"from": "us-chicago", "to": "pl-warsaw"},
    "neighbourhood": {"id": "us-chicago", "depth": 2},
    "overlap": {"networks": "c40,iclei", "as_of": "2010"},
    "top_pairs": {"top": 5},
    "saturation": {"by": "region"},
    "saturation_timeline": {"from": 2000, "to": 2010},
    "similar_cities": {"id": "us-chicago"},
    "network_recommendations": {"id": "pl-warsaw"},
    "lapses": {"from": 1990, "to": 2020},
    "survival": {"group_by": "decade"},
    "timeline": {"from": 1990, "to": 2000, "by": "region"},
    "city_timeline": {"id": "cz-prague"},
}

# Ids of the jobs this run created, for the routes that take one.
JOB_IDS = []


@schemathesis.serializer("application/x-ndjson")
def ndjson(ctx, value):
    """Generated import bodies are strings (sent as they are) or JSON values (sent as one line)."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    return (json.dumps(value) + "\n").encode("utf-8")


def _is(context, method, path):
    op = context.operation
    return op is not None and op.method.upper() == method and op.path == path


@schemathesis.hook
def map_body(context, body):
    """Every other generated job body with a known query gets that query's valid parameters."""
    if _is(context, "POST", "/v1/jobs") and isinstance(body, dict):
        query = body.get("query")
        if query in JOB_EXAMPLES and len(json.dumps(body, sort_keys=True, default=str)) % 2 == 0:
            return {"query": query, "params": dict(JOB_EXAMPLES[query])}
    return body


@schemathesis.hook
def after_call(context, case, response):
    if case.operation.method.upper() == "POST" and case.operation.path == "/v1/jobs":
        if response.status_code == 202:
            JOB_IDS.append(response.json()["id"])


@schemathesis.hook
def map_path_parameters(context, path_parameters):
    """The job routes mostly ask about jobs that exist."""
    op = context.operation
    if op is not None and op.path.startswith("/v1/jobs/{id}") and JOB_IDS:
        key = len(json.dumps(path_parameters, sort_keys=True, default=str))
        if key % 3 != 0:
            return {**path_parameters, "id": JOB_IDS[key % len(JOB_IDS)]}
    return path_parameters


@schemathesis.hook
def before_call(context, case, kwargs):
    """Two answers are 503 by design, which the server-error check would count: a `timeout` of a
    few microseconds (`deadline_exceeded`) and a `min_version` the graph has not reached
    (`version_not_reached` after 2 s); both are tested end to end (tests/tests/analytics_service.rs,
    tests/tests/cluster.rs). The contract run waits at least 10 s (a debug build under the run's load can take over a second on a neighbourhood) and asks for version 1 at
    most, the seeded version (for `min_version` and `at_version` alike)."""
    query = case.query
    if not isinstance(query, dict):
        return
    if "timeout" in query:
        try:
            short = float(query["timeout"]) < 10.0
        except (TypeError, ValueError):
            short = False
        if short:
            query["timeout"] = 10.0
    # A long poll of the change feed (`wait`, up to 30 s) waits at most a second here; its waits
    # are tested end to end (tests/tests/changes_feed.rs).
    w = _as_int(query.get("wait"))
    if w is not None and 1 < w <= 30:
        query["wait"] = 1
    for name in ("min_version", "at_version"):
        v = _as_int(query.get(name))
        if v is not None and v > 1:
            query[name] = 1
