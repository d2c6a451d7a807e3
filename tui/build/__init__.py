"""Sources -> events.db: annotation files checked and located (annotations), tables and indexes (schema),
the atomic write (builder), and the synthetic generator for benchmarks (synth).

Only `BuildError` lives here, with no imports, so that the CLI can catch it without pulling tomllib or
sqlite-utils onto the browser's start-up path.
"""


class BuildError(Exception):
    """A problem in the sources; the message names the file, the entry and the text."""
