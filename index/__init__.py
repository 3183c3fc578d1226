"""Embeddings, the persistent Chroma store, the lexical index and hybrid retrieval."""
