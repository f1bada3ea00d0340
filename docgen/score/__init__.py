"""Score stage: the plan's scoring rules, classes, ranks and tallies in exact decimal arithmetic."""
