"""Validate stage: JSON Schema, text, the plan's rules and a cluster's cross-field rules."""
