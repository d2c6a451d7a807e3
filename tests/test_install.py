"""A non-editable install carries the bundled database and sources, and finds them from any directory."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_installed_package_finds_its_bundled_database_from_another_directory(tmp_path: Path) -> None:
    # Install from a clean copy of the tracked files, as a fresh clone would.
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    clone = tmp_path / "clone"
    for name in tracked.splitlines():
        if (ROOT / name).is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, clone / name)
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(clone),
        ],
        check=True,
        capture_output=True,
    )
    assert (target / "tui" / "data" / "events.db").is_file()
    assert (target / "tui" / "data" / "sources" / "2019-06-22-ice-raids.toml").is_file()
    assert (target / "tui" / "app.tcss").is_file()
    # The web page `events-tui serve` sends, and every .tcss a screen loads.
    assert (target / "tui" / "web" / "page.html").is_file()
    for tcss in (ROOT / "tui").rglob("*.tcss"):
        assert (target / tcss.relative_to(ROOT)).is_file(), tcss

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "EVENTS_DB"} | {"PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-m", "tui", "source", "2019-06-22-ice-raids", "--json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["published"] == "2019-06-22"
    # And it really used the installed copy, not the checkout.
    where = subprocess.run(
        [sys.executable, "-c", "import tui.cli; print(tui.cli.bundled_db())"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(target)
