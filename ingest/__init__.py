"""Files in, clean NFC articles with metadata, sentence offsets and sentence-window chunks out."""
