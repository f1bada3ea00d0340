"""What the plan says about the process: tiers of government, the visit schedule, the plan's text."""
