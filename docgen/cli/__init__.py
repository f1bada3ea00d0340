"""The `docgen` command: a thin Vietnamese CLI over the library."""
