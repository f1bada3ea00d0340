"""The stages called in order for each command: dossiers, district and city, plan, init, templates."""
