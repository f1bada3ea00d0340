"""Output stage: dossiers written whole or not at all, their manifest, their PDFs."""
