"""The launch guard's pieces that need no server: the secret never shows, and the hop after the
tokened address stays on this server whatever path it was given."""

from __future__ import annotations

import asyncio

from infocards.web.guard import LaunchGuard, LaunchSecret


def test_the_secret_has_a_redacted_repr_and_matches_only_itself():
    secret = LaunchSecret()
    assert secret.reveal() not in repr(secret) and secret.reveal() not in str(secret)
    assert secret.matches(secret.reveal())
    assert not secret.matches(None) and not secret.matches("") and not secret.matches(secret.reveal() + "x")
    assert LaunchSecret().reveal() != secret.reveal()
    assert not secret.matches("ø" * 43)  # non-ASCII input is refused, not an exception


def _call(guard: LaunchGuard, path: str, query: str) -> tuple[int, dict, bytes]:
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "query_string": query.encode(),
             "headers": [(b"host", b"localhost:8550")]}
    asyncio.run(guard(scope, receive, send))
    headers = {k.decode(): v.decode() for k, v in sent[0]["headers"]}
    return sent[0]["status"], headers, sent[1]["body"]


def test_the_hop_stays_on_this_server():
    secret = LaunchSecret()

    async def never(scope, receive, send):
        raise AssertionError("the app must not be reached by the tokened address itself")

    guard = LaunchGuard(never, secret, 8550)
    for path, forwarded in (("//evil.example/x", "/evil.example/x"), ("/card/red-flags", "/card/red-flags"),
                            ('/"><script>alert(1)</script>', "/%22%3E%3Cscript%3Ealert(1)%3C/script%3E")):
        status, headers, body = _call(guard, path, f"token={secret.reveal()}")
        assert status == 200 and "set-cookie" in headers
        assert f'location.replace("{forwarded}")' in body.decode(), body
        assert "<script>alert" not in body.decode() and secret.reveal() not in body.decode()
