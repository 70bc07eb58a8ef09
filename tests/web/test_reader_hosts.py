"""The open reader (`infocards web --reader`) answers only the host names it serves, against a
real served instance over real HTTP and a real websocket: a DNS-rebinding page (an attacker's
name pointed at this server, so its Origin matches its own Host) gets 403 for the page and the
websocket."""

from __future__ import annotations

import http.client
import socket

import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from tests.e2e.harness import free_port, infocards_web, served

PROXY = "lesesal.klinik.example"


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    port = free_port()
    with served(infocards_web(port, "--reader", "--allowed-host", PROXY), port, home,
                env={"INFOCARDS_LANG": "en"}):
        yield port


def _get(port: int, host: str, origin: str | None = None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        headers = {"Host": host, **({"Origin": origin} if origin else {})}
        connection.request("GET", "/", headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _websocket(port: int, host: str, origin: str) -> None:
    """Flet's websocket, reached at 127.0.0.1 but naming `host` (as a rebound name would)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    with connect(f"ws://{host}/ws", sock=sock, origin=origin, proxy=None, open_timeout=30):
        pass


def test_a_rebound_name_gets_403_for_the_page_and_the_websocket(reader):
    port = reader
    rebound = f"rebind.example:{port}"
    status, body = _get(port, rebound, origin=f"http://{rebound}")
    assert status == 403 and b"flutter" not in body.lower()
    assert "answers only at its own address" in body.decode()
    assert _get(port, rebound)[0] == 403
    with pytest.raises(InvalidStatus) as refused:
        _websocket(port, rebound, f"http://{rebound}")
    assert refused.value.response.status_code == 403


def test_its_own_names_an_address_and_an_allowed_proxy_name_are_answered(reader):
    port = reader
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"{socket.gethostname()}:{port}", PROXY,
                 f"{PROXY.upper()}:443"):
        status, body = _get(port, host)
        assert status == 200 and b"flutter" in body.lower(), host
    _websocket(port, f"localhost:{port}", f"http://localhost:{port}")
    _websocket(port, PROXY, f"https://{PROXY}")


def test_host_names_are_compared_without_port_case_or_final_dot():
    from infocards.web.guard import host_name, served_names

    assert host_name("Rebind.Example:8550") == "rebind.example"
    assert host_name("localhost.") == "localhost"
    assert host_name("[::1]:8550") == "::1"
    names = served_names("0.0.0.0", ("Proxy.Example.",))  # noqa: S104 (never bound here)
    assert {"localhost", "proxy.example", host_name(socket.gethostname())} <= names
    assert "rebind.example" not in names


def test_a_websocket_message_over_the_readers_cap_closes_the_connection(reader):
    # Flet's default (uvicorn's) is 16 MiB: a 9 MiB message would reach the app and its parser.
    from websockets.exceptions import ConnectionClosed

    from infocards.ui.entry import READER_WS_MAX_BYTES

    port = reader
    sock = socket.create_connection(("127.0.0.1", port), timeout=60)
    with connect(f"ws://localhost:{port}/ws", sock=sock, origin=f"http://localhost:{port}", proxy=None,
                 open_timeout=30, max_size=None) as websocket:
        websocket.send(b"\x00" * (READER_WS_MAX_BYTES + 1024 * 1024))
        with pytest.raises(ConnectionClosed) as closed:
            while True:
                websocket.recv(timeout=60)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009  # "message too big"


def test_a_reader_on_a_network_without_zxing_says_how_to_add_it(tmp_path):
    import subprocess
    import sys
    import time

    port = free_port()
    # zxing-cpp made unimportable for this one process, as on a plain `pip install .`.
    program = ("import sys; sys.modules['zxingcpp'] = None; from infocards.cli import main; "
               f"sys.argv = ['infocards', 'web', '--reader', '--host', '0.0.0.0', '--port', '{port}', "
               "'--no-browser']; sys.exit(main())")
    log = tmp_path / "server.log"
    with open(log, "wb") as out:
        server = subprocess.Popen([sys.executable, "-c", program], stdout=out, stderr=subprocess.STDOUT,
                                  env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "INFOCARDS_LANG": "en"})
        try:
            deadline = time.monotonic() + 60
            # Until the note is there (printed just after the address), the server exits, or a minute.
            while "[reader]" not in log.read_text() and server.poll() is None and time.monotonic() < deadline:
                time.sleep(0.1)
        finally:
            server.terminate()
            server.wait(timeout=30)
    text = log.read_text()
    assert "running at" in text, text
    assert "zxing-cpp is not installed" in text and "pip install zxing-cpp" in text and "[reader]" in text
