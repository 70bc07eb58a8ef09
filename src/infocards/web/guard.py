"""The patient web app's door: a secret per launch and the app's own Origin, checked on every
request and websocket before Flet sees it (as Jupyter's server does); flet-free ASGI."""

from __future__ import annotations

import contextlib
import hmac
import html
import ipaddress
import json
import os
import secrets
import socket
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

from infocards.i18n import t

__all__ = ["TOKEN_PARAM", "LaunchGuard", "LaunchSecret", "SameOriginGuard", "cookie_name", "host_name", "served_names",
           "write_launch_page"]

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

TOKEN_PARAM = "token"  # noqa: S105 (the name of the query parameter, not a secret)
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
# Added to everything the app serves: no other site may frame it (a framed app would be
# cross-site, so the cookie would not travel anyway; this says so before any request is made).
FRAME_HEADERS = [(b"x-frame-options", b"DENY"), (b"content-security-policy", b"frame-ancestors 'none'")]
# Flet's middleware lets any site read every response; the patient app answers only itself.
DROPPED_HEADERS = {b"access-control-allow-origin", b"access-control-allow-credentials"}
QUIET_HEADERS = [
    (b"cache-control", b"no-store"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
]


class LaunchSecret:
    """A random secret made at launch; it never shows in a repr, a log or an error."""

    __slots__ = ("_value",)

    def __init__(self, value: str | None = None) -> None:
        self._value = value or secrets.token_urlsafe(32)  # 256 bits

    def reveal(self) -> str:
        """The secret itself: only for the address printed to the person who started the app."""
        return self._value

    def matches(self, candidate: str | None) -> bool:
        if not candidate:
            return False
        # Constant time: how much of a guess is right must not show in how long the answer takes.
        return hmac.compare_digest(candidate.encode("utf-8", "replace"), self._value.encode("utf-8"))

    def __repr__(self) -> str:
        return "LaunchSecret(<redacted>)"


def cookie_name(port: int) -> str:
    # Browsers send a host's cookies to every port on it: the port in the name keeps two
    # launches on different ports from overwriting each other's cookie.
    return f"infocards-{port}"


def _headers(scope: Scope) -> dict[str, str]:
    """Request headers by lower-case name; repeated ones joined (cookies with '; ')."""
    found: dict[str, list[str]] = {}
    for raw_name, raw_value in scope.get("headers", []):
        found.setdefault(raw_name.decode("latin-1").lower(), []).append(raw_value.decode("latin-1"))
    return {name: ("; " if name == "cookie" else ", ").join(values) for name, values in found.items()}


def _cookie(header: str, name: str) -> str | None:
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value.strip().strip('"')
    return None


def _page(title: str, body: str, head: str = "") -> bytes:
    return (
        '<!doctype html><html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">{head}<title>{html.escape(title)}</title>'
        f'</head><body style="font: 18px/1.5 sans-serif; max-width: 40em; margin: 2em auto; padding: 0 1em">'
        f"{body}</body></html>"
    ).encode()


def _refusal_page() -> bytes:
    # The browser's language is not known here: say it in Danish first, then in English.
    parts = [
        f'<section lang="{lang}"><h1>{html.escape(t("web.refused.title", lang))}</h1>'
        f"<p>{html.escape(t('web.refused.body', lang))}</p></section>"
        for lang in ("da", "en")
    ]
    return _page(t("web.refused.title", "da"), "".join(parts))


def _reader_refusal_page() -> bytes:
    parts = [
        f'<section lang="{lang}"><h1>{html.escape(t("web.refused.title", lang))}</h1>'
        f"<p>{html.escape(t('web.refused.reader', lang))}</p></section>"
        for lang in ("da", "en")
    ]
    return _page(t("web.refused.title", "da"), "".join(parts))


def _forward_page(target: str) -> bytes:
    """Go on to `target` from this page. A navigation started by the app's own page is
    same-site, so the SameSite=Strict cookie just set travels with it even when the browser
    came here from a file or another program (a 302 would inherit that cross-site start)."""
    in_attribute = html.escape(target, quote=True)
    in_script = json.dumps(target).replace("<", "\\u003c")
    text = html.escape(t("web.opening", "da"))
    return _page(
        "infocards",
        f'<p><a href="{in_attribute}">{text}</a></p><script>location.replace({in_script})</script>',
        head=f'<meta http-equiv="refresh" content="0; url={in_attribute}">',
    )


def _without_token(scope: Scope) -> str:
    path = "/" + quote(scope.get("path", "/"), safe="/:@!$&'()*+,;=-._~").lstrip("/")
    kept = [(k, v) for k, v in parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
            if k != TOKEN_PARAM]
    return path + (f"?{urlencode(kept)}" if kept else "")


class LaunchGuard:
    """ASGI middleware: a request passes to the app only with the launch secret (in the
    address once, then in an HttpOnly, SameSite=Strict cookie), only for this server's own
    host and port, and only from this server's own Origin; everything else gets 403."""

    def __init__(self, app: Callable, secret: LaunchSecret, port: int) -> None:
        self.app = app
        self.secret = secret
        self.cookie = cookie_name(port)
        self.hosts = {f"{name}:{port}" for name in LOOPBACK_NAMES}
        if port == 80:
            self.hosts.update(LOOPBACK_NAMES)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)  # lifespan: Flet's session manager starts and stops
            return
        headers = _headers(scope)
        host = headers.get("host", "")
        origin = headers.get("origin")
        # Another name for 127.0.0.1 (DNS rebinding) or a page of another site is refused; a
        # websocket must name its Origin (browsers always do) and it must be this server.
        if host not in self.hosts or (origin is None and scope["type"] == "websocket") or (
                origin is not None and origin != f"http://{host}"):
            await _refuse(scope, receive, send)
            return
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True))
        if TOKEN_PARAM in query:
            if scope["type"] == "http" and scope.get("method") in ("GET", "HEAD") and self.secret.matches(
                    query[TOKEN_PARAM]):
                await self._admit(scope, send)
            else:
                await _refuse(scope, receive, send)
            return
        if not self.secret.matches(_cookie(headers.get("cookie", ""), self.cookie)):
            await _refuse(scope, receive, send)
            return
        await self.app(scope, receive, self._filtered(send) if scope["type"] == "http" else send)

    @staticmethod
    def _filtered(send: Send) -> Send:
        async def filtered(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in DROPPED_HEADERS]
                message = {**message, "headers": kept + FRAME_HEADERS}
            await send(message)

        return filtered

    async def _admit(self, scope: Scope, send: Send) -> None:
        """The tokened address: set the cookie and go on to the same address without the secret,
        so it does not stay in the address bar or the history."""
        cookie = f"{self.cookie}={self.secret.reveal()}; Path=/; HttpOnly; SameSite=Strict"
        await _respond(send, 200, _forward_page(_without_token(scope)), scope,
                            [(b"set-cookie", cookie.encode("latin-1"))])



async def _respond(send: Send, status: int, body: bytes, scope: Scope,
                   extra: list[tuple[bytes, bytes]] | None = None) -> None:
    headers = [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(body)).encode()),
               *QUIET_HEADERS, *FRAME_HEADERS, *(extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if scope.get("method") == "HEAD" else body})


async def _refuse(scope: Scope, receive: Receive, send: Send, page: bytes | None = None) -> None:
    if scope["type"] == "websocket":
        await receive()  # websocket.connect
        await send({"type": "websocket.close", "code": 1008})  # before accept: HTTP 403
        return
    await _respond(send, 403, page or _refusal_page(), scope)


def host_name(header: str) -> str:
    """The name part of a Host header ("Name.example:8550" -> "name.example", "[::1]:80" -> "::1")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else ""
    return header.rsplit(":", 1)[0].rstrip(".") if header.count(":") <= 1 else header


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def served_names(host: str, allowed: Iterable[str] = ()) -> frozenset[str]:
    """The host names the open reader answers: the one it was started with, the machine's own
    names and those a proxy in front uses (`--allowed-host`). An address (127.0.0.1, 192.0.2.7)
    is always answered: DNS rebinding needs a name of the attacker's, never an address."""
    names = {"localhost", host, socket.gethostname()}
    with contextlib.suppress(OSError, UnicodeError):
        names.add(socket.getfqdn())
    names.update(allowed)
    return frozenset(host_name(name) for name in names if name and host_name(name))


class SameOriginGuard:
    """ASGI middleware for the open reader (no secret: it holds no wallet): it answers only the
    host names it serves (another name is DNS rebinding: an attacker's name pointed at this
    server) and only pages of its own address, so a web page elsewhere in the clinician's
    browser cannot drive it, for instance to guess the clinic key's passphrase."""

    def __init__(self, app: Callable, names: Iterable[str] = ("localhost",)) -> None:
        self.app = app
        self.names = frozenset(host_name(name) for name in names)

    def serves(self, host_header: str) -> bool:
        name = host_name(host_header)
        return bool(name) and (name in self.names or _is_address(name))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        host, origin = headers.get("host", ""), headers.get("origin")
        own = (f"http://{host}", f"https://{host}")
        if not self.serves(host) or (origin is None and scope["type"] == "websocket") or (
                origin is not None and origin not in own):
            await _refuse(scope, receive, send, _reader_refusal_page())
            return
        await self.app(scope, receive, LaunchGuard._filtered(send) if scope["type"] == "http" else send)


def write_launch_page(url: str, folder: Path) -> Path:
    """A page, readable only by its owner, that forwards the browser to `url`. Opening the
    browser on this file keeps the secret out of the browser's command line, which every user of
    the computer can read (as Jupyter does)."""
    path = Path(folder) / "open-infocards.html"
    in_attribute = html.escape(url, quote=True)
    body = _page("infocards", f'<p><a href="{in_attribute}">{html.escape(t("web.opening", "da"))}</a></p>',
                 head=f'<meta http-equiv="refresh" content="0; url={in_attribute}">')
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(body)
    return path
