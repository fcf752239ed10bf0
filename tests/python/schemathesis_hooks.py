"""schemathesis hooks for the citygraph contract test: an NDJSON body serializer."""
import json

import schemathesis


@schemathesis.serializer("application/x-ndjson")
def ndjson(ctx, value):
    """Generated import bodies are strings (sent as they are) or JSON values (sent as one line)."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    return (json.dumps(value) + "\n").encode("utf-8")
