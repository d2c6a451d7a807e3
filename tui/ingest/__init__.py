"""Sources -> events.db: annotation files checked and located (annotations), tables and indexes (schema),
the atomic write (builder), and the synthetic generator for benchmarks (synth).

`BuildError` lives in tui.errors, so that the CLI can catch it without pulling tomllib or sqlite-utils onto the
browser's start-up path; it is re-exported here for the ingest modules.
"""

from tui.errors import BuildError

__all__ = ["BuildError"]
