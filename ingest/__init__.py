"""Files in, clean NFC articles with metadata, sentence offsets and sentence-window chunks out.

text.decode_bytes/clean_text -> readers.read_articles (uses metadata.extract_metadata) -> Article;
sentences.SentenceSplitter.split -> Sentence spans; chunker.Chunker.split -> Chunk windows.
"""
