"""Sources -> events.db: annotation files checked and located (annotations), tables and indexes (schema),
the atomic write (builder), and the synthetic generator for benchmarks (synth).

Kept empty of imports so that reading `BuildError` does not pull sqlite-utils onto the browser's start-up path.
"""
