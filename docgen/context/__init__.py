"""Context stage: the variables each document shows, from checked data (plain dicts out)."""
