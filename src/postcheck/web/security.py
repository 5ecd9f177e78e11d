"""The web app's defences, as ASGI middleware around every route.

The server runs on a person's own machine, so the threats are other web pages open in the same
browser and the documents themselves:
- Cross-site requests. Every POST must carry, in the `X-CSRF-Token` header, a token signed with
  a secret made when the process starts and bound to a random `SameSite=Strict` cookie. A page
  on another site can send a form to 127.0.0.1, but cannot set that header, read the token or
  send the cookie; requests whose `Origin` or `Sec-Fetch-Site` say they come from elsewhere are
  refused too.
- DNS rebinding. A request whose `Host` is not the address the server listens on is refused,
  so a hostile name pointed at 127.0.0.1 reaches nothing.
- Size. A request body past the cap is refused with 413 as soon as it is declared or counted,
  before it is parsed.
- Document text. Every response carries a Content-Security-Policy that allows only the app's
  own script and style files (no inline script, no other origin), and the headers that stop
  sniffing, framing and referrers.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_HEADER = "X-CSRF-Token"
CSRF_COOKIE = "postcheck_session"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)
HEADERS = (
    (b"content-security-policy", POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    (b"cache-control", b"no-store"),
)


class Tokens:
    """CSRF tokens: HMAC-SHA256 of the session cookie under a secret of this process."""

    def __init__(self) -> None:
        self._secret = secrets.token_bytes(32)

    @staticmethod
    def new_session() -> str:
        return secrets.token_urlsafe(24)

    def token_for(self, session: str) -> str:
        return hmac.new(self._secret, session.encode(), hashlib.sha256).hexdigest()

    def valid(self, session: str | None, token: str | None) -> bool:
        if not session or not token:
            return False
        return hmac.compare_digest(self.token_for(session), token)


def refusal(status: int, detail: str) -> tuple[Message, Message]:
    """The two ASGI messages of a JSON error response."""
    body = json.dumps({"detail": detail}).encode()
    start: Message = {
        "type": "http.response.start",
        "status": status,
        "headers": [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ],
    }
    return start, {"type": "http.response.body", "body": body}


async def _refuse(send: Send, status: int, detail: str) -> None:
    for message in refusal(status, detail):
        await send(message)


class SecurityHeaders:
    """Adds the policy and hardening headers to every response, errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in HEADERS if n not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


class HostCheck:
    """Refuses requests for any host but the ones the server answers as (DNS rebinding)."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = {h.lower() for h in hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and "*" not in self.hosts:
            host = Request(scope).headers.get("host", "")
            if _hostname(host) not in self.hosts:
                await _refuse(send, 400, f"this server does not answer for host {host!r}")
                return
        await self.app(scope, receive, send)


class CsrfCheck:
    """Every request that is not GET, HEAD or OPTIONS needs the session cookie, the token
    signed for it in the header, and no sign of coming from another origin."""

    def __init__(self, app: ASGIApp, tokens: Tokens) -> None:
        self.app = app
        self.tokens = tokens

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in SAFE_METHODS:
            problem = self.problem(Request(scope))
            if problem:
                await _refuse(send, 403, problem)
                return
        await self.app(scope, receive, send)

    def problem(self, request: Request) -> str | None:
        headers = request.headers
        if headers.get("sec-fetch-site") == "cross-site":
            return "cross-site request refused"
        origin = headers.get("origin")
        if (
            origin is not None
            and urlsplit(origin).netloc.lower() != headers.get("host", "").lower()
        ):
            return f"request from another origin ({origin}) refused"
        if not self.tokens.valid(request.cookies.get(CSRF_COOKIE), headers.get(CSRF_HEADER)):
            return (
                f"missing or wrong {CSRF_HEADER} header: load the page (or GET /api/token) "
                "and send its token with the session cookie"
            )
        return None


class BodyLimit:
    """Refuses a request body past `limit` bytes: at once when Content-Length says so, else
    as soon as the bytes received pass it (chunked uploads)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        declared = Request(scope).headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _refuse(send, 413, self.message(int(declared)))
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise HTTPException(413, self.message(received))
            return message

        await self.app(scope, counted, send)

    def message(self, size: int) -> str:
        return (
            f"the request is {size:,} bytes or more; the limit for one request is "
            f"{self.limit:,} bytes"
        )


def _hostname(host: str) -> str:
    """The host of a Host header, without its port ([::1]:8000 -> ::1)."""
    host = host.lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
