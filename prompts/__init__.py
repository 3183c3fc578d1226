"""Prompt templates as data files (prompts/<name>.txt) and a loader that checks their variables.

Each template's first line declares its variables (`# variables: question, sources`); the rest is
`str.format` text whose `{fields}` must be exactly those variables (`{{`/`}}` for literal braces).
"""

from prompts.loader import PromptTemplate, available_prompts, load_prompt

__all__ = ["PromptTemplate", "available_prompts", "load_prompt"]
