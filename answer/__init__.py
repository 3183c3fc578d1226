"""Grounded answers: sentence selection, answer extraction, citation checks, follow-ups, LLM mode."""
