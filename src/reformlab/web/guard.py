"""The ASGI guard around the app: request bodies limited in size, and no request ever answered with a 5xx.

A bug must not show a client a traceback or a 500: the guard logs it on the server and answers 400 with
one line that says it is a bug in reformlab (the API fuzz test checks that no input reaches this path).
"""

from __future__ import annotations

import json
import logging

from starlette.exceptions import HTTPException

log = logging.getLogger("reformlab.web")

#: Largest request body accepted, in bytes (a reform YAML is limited to 200,000 characters on its own).
MAX_BODY = 1_000_000


def error_body(message: str, *, kind: str, field: str | None = None, **extra) -> dict:
    """The JSON every error answer carries: ``{"error": {"message", "kind", "field", ...}}``."""
    return {"error": {"message": message, "kind": kind, "field": field, **extra}}


class Guard:
    """Limit the body to ``limit`` bytes (413) and turn any unexpected exception into a 400 answer."""

    def __init__(self, app, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length", b"")
        if length.isdigit() and int(length) > self.limit:
            await _answer(send, 413, error_body(f"the request body is {int(length):,} bytes, more than {self.limit:,}",
                                                kind="too_large", fix="send a smaller reform or file"))
            return
        received = 0
        started = False

        async def counted_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise HTTPException(413, f"the request body is more than {self.limit:,} bytes")
            return message

        async def watched_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except Exception as exc:  # a bug: logged here, never shown as a traceback
            log.exception("unexpected error on %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await _answer(send, 400, error_body(
                    f"this request could not be computed ({type(exc).__name__}); this is a bug in reformlab, "
                    "please report it with the request", kind="internal"))


async def _answer(send, status: int, body: dict) -> None:
    data = json.dumps(body).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]})
    await send({"type": "http.response.body", "body": data})
