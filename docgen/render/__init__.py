"""Render stage: .docx templates filled with contexts (compiled fast path, plain path, diagnosis)."""
