"""`events-tui draft PATH`: read the article, draft, print or write the annotation file (never over a file)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from tui.errors import EXIT_OK, EXIT_UNUSABLE, BuildError, CommandError


def read_article(path: Path) -> str:
    """The article exactly as stored: UTF-8, no newline translation, so offsets index the file's own text."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise BuildError(f"{path}: is a directory; give the article's text file") from None
    except OSError as exc:
        raise BuildError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BuildError(
            f"{path}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); save it as UTF-8"
        ) from None


def check_published(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published must be a date as YYYY-MM-DD, not {value!r}", EXIT_UNUSABLE) from None
    return value


def check_out(out: Path) -> Path:
    """Refuse an --out path that exists or whose folder does not, before any work; return the folder."""
    if out.exists() or out.is_symlink():
        raise CommandError(
            f"{out}: already exists; draft never replaces a file (choose a new --out path)", EXIT_UNUSABLE
        )
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise CommandError(f"{out}: the folder {folder} does not exist", EXIT_UNUSABLE)
    return folder


def write_new(out: Path, content: str) -> None:
    """Write `content` to `out` atomically, refusing if anything is already at `out`.

    The text goes to a temporary file beside `out`, which is then hard-linked into place: a link fails if the
    name exists, so even a file created meanwhile is never replaced. Where links are not supported, the rename
    happens only after checking that the name is still free.
    """
    folder = check_out(out)
    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{out.name}.", suffix=".tmp")
    except OSError as exc:
        raise CommandError(f"{out}: cannot write: {exc.strerror or exc}", EXIT_UNUSABLE) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.link(temp, out)
        except FileExistsError:
            raise CommandError(f"{out}: already exists; draft never replaces a file", EXIT_UNUSABLE) from None
        except OSError:
            if out.exists():
                raise CommandError(f"{out}: already exists; draft never replaces a file", EXIT_UNUSABLE) from None
            os.replace(temp, out)
    except OSError as exc:
        raise CommandError(f"{out}: cannot write: {exc.strerror or exc}", EXIT_UNUSABLE) from None
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


def run_draft(args: argparse.Namespace) -> int:
    from tui.ingest.draft import draft_text
    from tui.ingest.draft.output import to_json, to_toml

    path = Path(args.path)
    published = check_published(args.published)
    if args.out is not None:
        check_out(Path(args.out))  # bad input fails before any work, with one line
    text = read_article(path)
    if not text.strip():
        raise BuildError(f"{path}: the article is empty; nothing to draft")
    draft = draft_text(text, published=published, url=args.url, outlet=args.outlet, title=args.title)
    content = to_json(draft) + "\n" if args.json else to_toml(draft, path.name)
    if args.out is None:
        sys.stdout.write(content)
    else:
        write_new(Path(args.out), content)
        summary = f"{len(draft.quotes)} quotes, {len(draft.people)} officials, {len(draft.stances)} stances"
        print(f"drafted {args.out}: {summary}; review it and set reviewed = true before building", file=sys.stderr)
    if draft.source.published is None:
        # Not an error (the draft is still useful), but weekday words cannot be dated without it: say so.
        print(
            f"events-tui: note: {path.name} has no publication date (no --published, no 'date YYYY-MM-DD' line); "
            "weekday words are left undated",
            file=sys.stderr,
        )
    return EXIT_OK
