"""The levels of the process: a cluster checked with its plan, a district's clusters, the city."""
