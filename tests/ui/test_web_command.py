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
