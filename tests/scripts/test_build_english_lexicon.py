"""scripts/build_english_lexicon.py: the vocabulary it reads and its hub-aware nearest neighbours."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from build_english_lexicon import nearest, vietnamese_vocabulary  # noqa: E402


def test_the_vocabulary_is_frequent_marked_syllables_and_pairs_within_a_clause(tmp_path: Path) -> None:
    news = tmp_path / "news.jsonl.gz"
    article = {"title": "Công nhân nhận lương", "sapo": "", "body": "Công nhân, lương 2017 tăng. Lương tăng, nhân"}
    with gzip.open(news, "wt", encoding="utf-8") as out:
        out.write(json.dumps(article, ensure_ascii=False) + "\n")
    vocabulary = vietnamese_vocabulary(news, min_count=2, size=10)
    # numbers are skipped ("lương 2017 tăng" counts "lương tăng"); a comma parts a pair ("công nhân, lương" holds no
    # "nhân lương"), and so does a sentence end ("tăng. Lương")
    assert set(vocabulary) == {"công", "nhân", "công nhân", "lương", "tăng", "lương tăng"}
    assert vietnamese_vocabulary(news, min_count=2, size=2) == vocabulary[:2]


def test_a_hub_near_every_word_is_nobody_s_translation() -> None:
    english = np.array([[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0]])
    hub = np.array([0.65, 0.65, 0.0, 0.39])  # a little nearer each English word than its true translation
    vietnamese = np.vstack([hub / np.linalg.norm(hub), [0.6, 0.0, 0.8, 0.0], [0.0, 0.6, 0.0, 0.8]])
    assert (english @ vietnamese.T).argmax(axis=1).tolist() == [0, 0]  # plain cosine: the hub for both
    index, score = nearest(english.astype(np.float32), vietnamese.astype(np.float32), top=2, k=2)
    assert index[:, 0].tolist() == [1, 2]
    assert (score[:, 0] >= score[:, 1]).all()
