"""`infocards web` refuses, with a message and no traceback, what would expose the wallet or fail."""

from __future__ import annotations

import socket
import subprocess
import sys


def _web(*args: str, tmp_path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "infocards", "web", *args],
        capture_output=True, text=True, timeout=60,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "INFOCARDS_LANG": "en"},
    )


def test_the_patient_app_refuses_a_network_address(tmp_path):
    result = _web("--host", "0.0.0.0", "--port", "8599", tmp_path=tmp_path)  # noqa: S104 (refused, never bound)
    assert result.returncode == 2
    assert "only runs on this computer" in result.stderr and "--reader" in result.stderr
    assert "Traceback" not in result.stderr and "running at" not in result.stdout


def test_a_port_that_does_not_exist(tmp_path):
    result = _web("--port", "99999", tmp_path=tmp_path)
    assert result.returncode == 2
    assert "There is no port 99999" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_port_in_use(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _web("--port", str(port), tmp_path=tmp_path)
    assert result.returncode == 1
    assert f"Cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


# -- the launch secret, against a real served instance ------------------------------------------

import http.client  # noqa: E402 (this part of the module needs them; the part above does not)
from urllib.parse import urlsplit  # noqa: E402

import pytest  # noqa: E402
from websockets.exceptions import InvalidStatus  # noqa: E402
from websockets.sync.client import connect  # noqa: E402

from tests.e2e.harness import free_port, infocards_web, served  # noqa: E402


@pytest.fixture(scope="module")
def patient_app(tmp_path_factory):
    """`infocards web` on a free port: (printed address, port, secret)."""
    home = tmp_path_factory.mktemp("home")
    port = free_port()
    env = {"INFOCARDS_WALLET": str(home / "wallet.icw"), "INFOCARDS_LANG": "en"}
    with served(infocards_web(port), port, home, env=env) as address:
        yield address, port, urlsplit(address).query.removeprefix("token=")


def _request(port: int, target: str, headers: dict | None = None, host: str | None = None, method: str = "GET"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, target, headers={"Host": host or f"localhost:{port}", **(headers or {})})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def _cookie(port: int, secret: str) -> dict:
    return {"Cookie": f"other=1; infocards-{port}={secret}"}


def _websocket(port: int, origin: str | None, headers: dict | None = None) -> None:
    """Open and close Flet's websocket; InvalidStatus if the server refuses the handshake."""
    with connect(f"ws://localhost:{port}/ws", origin=origin, additional_headers=headers or {}, proxy=None,
                 open_timeout=30):
        pass


def test_the_printed_address_carries_a_fresh_secret(patient_app, tmp_path):
    address, port, secret = patient_app
    assert address == f"http://localhost:{port}/?token={secret}"
    assert len(secret) >= 43  # 256 bits, URL-safe base64
    other_port = free_port()
    with served(infocards_web(other_port), other_port, tmp_path,
                env={"INFOCARDS_WALLET": str(tmp_path / "w.icw")}) as second:
        assert urlsplit(second).query.removeprefix("token=") != secret


@pytest.mark.parametrize("target", ["/", "/wallet", "/main.dart.js", "/flutter_bootstrap.js", "/ws", "/docs"])
def test_nothing_is_served_without_the_secret(patient_app, target):
    _address, port, secret = patient_app
    status, headers, body = _request(port, target)
    assert status == 403 and "set-cookie" not in headers
    assert "infocards opens only from the address it showed" in body.decode()
    assert secret not in body.decode()


def test_a_wrong_secret_is_refused(patient_app):
    _address, port, secret = patient_app
    wrong = secret[:-1] + ("A" if secret[-1] != "A" else "B")
    for headers, target in (({}, f"/?token={wrong}"), ({}, "/?token="), (_cookie(port, wrong), "/"),
                            ({"Cookie": f"infocards-{port + 1}={secret}"}, "/"),  # another launch's cookie
                            (_cookie(port, wrong), f"/?token={wrong}")):
        status, response_headers, _body = _request(port, target, headers)
        assert status == 403 and "set-cookie" not in response_headers, (headers, target)


def test_the_tokened_address_sets_the_cookie_and_then_the_app_is_served(patient_app):
    _address, port, secret = patient_app
    status, headers, body = _request(port, f"/wallet?lang=da&token={secret}")
    assert status == 200
    cookie = headers["set-cookie"]
    assert cookie.startswith(f"infocards-{port}={secret};")
    assert {"HttpOnly", "SameSite=Strict", "Path=/"} <= {part.strip() for part in cookie.split(";")}
    page = body.decode()
    assert 'location.replace("/wallet?lang=da")' in page and secret not in page
    assert headers["cache-control"] == "no-store" and headers["referrer-policy"] == "no-referrer"

    status, headers, body = _request(port, "/", _cookie(port, secret))
    assert status == 200 and b"flutter" in body.lower()
    assert "access-control-allow-origin" not in headers  # Flet's middleware sets "*"
    assert headers["x-frame-options"] == "DENY"
    status, _headers, _body = _request(port, "/main.dart.js", _cookie(port, secret), method="HEAD")
    assert status == 200


def test_another_host_name_or_origin_is_refused_even_with_the_cookie(patient_app):
    _address, port, secret = patient_app
    # DNS rebinding: a name of the attacker's that points at 127.0.0.1 carries that name as Host.
    assert _request(port, "/", _cookie(port, secret), host=f"evil.example:{port}")[0] == 403
    assert _request(port, "/", _cookie(port, secret), host=f"localhost:{port + 1}")[0] == 403
    foreign = {**_cookie(port, secret), "Origin": f"http://localhost:{port + 1}"}
    assert _request(port, "/", foreign)[0] == 403
    own = {**_cookie(port, secret), "Origin": f"http://localhost:{port}"}
    assert _request(port, "/", own)[0] == 200


def test_the_websocket_opens_only_with_the_secret_from_the_own_origin(patient_app):
    _address, port, secret = patient_app
    own = f"http://localhost:{port}"
    _websocket(port, own, _cookie(port, secret))  # the app's own page: admitted
    for origin, headers in ((own, {}),  # no cookie
                            (own, _cookie(port, "x" * len(secret))),  # a wrong one
                            (f"http://localhost:{port + 1}", _cookie(port, secret)),  # another port's page
                            ("http://evil.example", _cookie(port, secret)),
                            ("null", _cookie(port, secret)),  # a file or sandboxed page
                            (None, _cookie(port, secret))):  # no Origin at all: not a browser page
        with pytest.raises(InvalidStatus) as refused:
            _websocket(port, origin, headers)
        assert refused.value.response.status_code == 403, origin


def test_the_reader_alone_stays_open(tmp_path):
    port = free_port()
    with served(infocards_web(port, "--reader"), port, tmp_path) as address:
        assert address == f"http://localhost:{port}/"
        status, headers, body = _request(port, "/reader")
        assert status == 200 and b"flutter" in body.lower()
        # Open, but only to its own pages: a page elsewhere cannot drive it (the clinic key's
        # passphrase could be guessed through it), and Flet's "any origin" header is gone.
        _websocket(port, f"http://localhost:{port}")
        for foreign in ("http://evil.example", None):
            with pytest.raises(InvalidStatus) as refused:
                _websocket(port, foreign)
            assert refused.value.response.status_code == 403
        assert "access-control-allow-origin" not in {k.lower() for k in headers}
