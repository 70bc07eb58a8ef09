"""The JavaScript reader's own tests (tests/js, Node's test runner) run with the Python suite.

Node is required, not optional: scripts/test.sh installs Debian's nodejs where it is missing, so
a machine without it fails here rather than skipping the second reader silently.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_node_runs_the_javascript_reader_tests():
    node = shutil.which("node")
    assert node is not None, "node is missing: scripts/test.sh installs Debian's nodejs (apt-get install nodejs)"
    probe = 'new DecompressionStream("deflate-raw"); globalThis.crypto.subtle.digest'
    able = subprocess.run([node, "-e", probe], capture_output=True, text=True, timeout=30, check=False)
    assert able.returncode == 0, (
        "this node is too old for the JavaScript reader: it needs Node.js 20 or later with "
        "DecompressionStream('deflate-raw') and WebCrypto, as scripts/test.sh says"
    )
    done = subprocess.run(
        [node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    summary = [line for line in done.stdout.splitlines() if line.startswith(("# pass", "# fail", "not ok"))]
    assert done.returncode == 0, "\n".join(summary) + "\n" + done.stdout[-4000:] + done.stderr[-2000:]
    assert any(line.startswith("# pass") and int(line.split()[-1]) > 0 for line in summary), done.stdout[-2000:]
