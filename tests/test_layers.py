"""The layers as a contract: the data core never imports Textual, SQL stays in the store and the ingest package,
errors sit at the bottom (no import cycle through the CLI). Read from the source with `ast`, so a violation fails
the test command whether or not the import happens to run in a test.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TUI = Path(__file__).resolve().parent.parent / "tui"

# The data core and the command line's printing: usable without Textual (and so by scripts and the web page).
DATA_CORE = [
    "models.py",
    "errors.py",
    "atomic.py",
    "store.py",
    "search.py",
    "resolve.py",
    "present.py",
    "output.py",
    "export.py",
    "commands.py",
    "sentences.py",
    "ingest",
]
# What draws the browser; it asks the store for models and never talks SQL itself.
UI = ["app.py", "palette.py", "screens", "widgets"]
# Where SQL may be written.
SQL_HOMES = ["store.py", "ingest"]


def modules(parts: list[str]) -> list[Path]:
    found: list[Path] = []
    for part in parts:
        path = TUI / part
        found += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return found


def imported(path: Path) -> set[str]:
    """Every module name `path` imports, at any depth (inside functions too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_the_lists_name_real_files() -> None:
    # A renamed module must not silently drop out of the contract.
    for part in DATA_CORE + UI + SQL_HOMES:
        assert (TUI / part).exists(), part


@pytest.mark.parametrize("path", modules(DATA_CORE), ids=lambda p: str(p.relative_to(TUI)))
def test_data_core_never_imports_textual(path: Path) -> None:
    offending = sorted(n for n in imported(path) if n == "textual" or n.startswith("textual."))
    assert not offending, f"{path.relative_to(TUI)} imports {offending}"


@pytest.mark.parametrize("path", modules(DATA_CORE + ["errors.py"]), ids=lambda p: str(p.relative_to(TUI)))
def test_nothing_below_the_cli_imports_it(path: Path) -> None:
    # cli -> commands -> export -> errors points down only; importing tui.cli back would be a cycle.
    assert "tui.cli" not in imported(path), f"{path.relative_to(TUI)} imports tui.cli"


def test_errors_import_nothing_of_ours() -> None:
    assert not {n for n in imported(TUI / "errors.py") if n.startswith("tui")}


@pytest.mark.parametrize(
    "path",
    [p for p in TUI.rglob("*.py") if not any(p.is_relative_to(TUI / home) for home in SQL_HOMES)],
    ids=lambda p: str(p.relative_to(TUI)),
)
def test_sql_lives_in_the_store_and_ingest_only(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert "sqlite3" not in imported(path) or path.name == "cli.py", f"{path.relative_to(TUI)} imports sqlite3"
    calls = [
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"execute", "executemany", "executescript"}
    ]
    assert not calls, f"{path.relative_to(TUI)} runs SQL itself ({calls})"


def test_the_contract_can_fail(tmp_path: Path) -> None:
    # The checks above read real files; prove they notice a violation.
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from textual.app import App\n    conn.execute('SELECT 1')\n", encoding="utf-8")
    assert "textual.app" in imported(bad)


def test_one_stance_vocabulary() -> None:
    # A stance's colour is defined once (tui.present.STANCE_LOOKS); no other module spells a position's style.
    import re

    styled = re.compile(r"[\"'](refuses|cooperates)[\"']\s*:\s*[\"'][^\"']*(red|green|success|error|#)")
    for path in TUI.rglob("*.py"):
        if path.name == "present.py":
            continue
        assert not styled.search(path.read_text(encoding="utf-8")), f"{path.relative_to(TUI)} styles stances itself"


def test_refusal_and_cooperation_never_look_alike() -> None:
    from tui.present import STANCE_LOOKS

    colours = [look.colour for look in STANCE_LOOKS.values()]
    assert len(set(colours)) == len(colours)
    assert STANCE_LOOKS["refuses"].colour != STANCE_LOOKS["cooperates"].colour


@pytest.mark.parametrize("path", [p for p in modules(UI) if p.name != "app.py"], ids=lambda p: str(p.relative_to(TUI)))
def test_screens_and_widgets_post_messages_instead_of_navigating(path: Path) -> None:
    # The app owns navigation: a screen or widget says what was chosen (a message) and never opens a screen itself.
    calls = [
        node.func.attr
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and (node.func.attr.startswith("open_") or node.func.attr == "copy_citation")
        and isinstance(node.func.value, ast.Attribute)
        and node.func.value.attr == "app"
    ]
    assert not calls, f"{path.relative_to(TUI)} navigates itself ({calls})"
