"""Load stage: input files found and read into plain data with the place of every value."""
