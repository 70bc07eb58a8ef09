"""scripts/test.sh, the README's test command: it says each step before it runs it, and CI runs it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ci_runs_exactly_the_readme_test_command():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert any(line.strip() in ("./scripts/test.sh", "exec ./scripts/test.sh") for line in run)
    assert "./scripts/test.sh" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_install_and_test_command_is_announced_by_a_step_line():
    lines = [line.strip() for line in (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8").splitlines()]
    commands = [i for i, line in enumerate(lines)
                if re.match(r"(exec )?(\.venv/bin/|python3 -m venv|apt-get install|DEBIAN_FRONTEND)", line)]
    assert len(commands) >= 6
    for index in commands:
        before = [line for line in lines[:index] if line and not line.startswith("#")]
        assert before[-1].startswith(("step ", "apt-get update")), lines[index]
        assert any(line.startswith("step ") for line in before), lines[index]
    steps = [line for line in lines if line.startswith("step ")]
    numbered = [s for s in steps if re.match(r'step "\d/\d ', s)]
    assert [int(s.split('"')[1][0]) for s in numbered] == list(range(1, len(numbered) + 1))
