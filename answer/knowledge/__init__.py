"""Knowledge as data: the tables the answerer's features read, each a TSV file loaded once per process.

- gazetteer.tsv (gazetteer.py): provinces, countries, ministries and national bodies with their Vietnamese
  and English names. ``Gazetteer.load().mentions(text)``, ``.agreement(question, evidence)``.
- question_words.tsv (question_words.py): question words -> expected answer type.
  ``question_types(question)``, ``expected_type(question)``.
- units.tsv (units.py): units and head nouns -> one id across both languages. ``unit_mentions(text)``.
- glossary.tsv (glossary.py): English words and phrases -> the Vietnamese the articles use, how the rules
  answerer reads an English question (answer.qtypes). ``glossary()``.
- english_lexicon.tsv.gz (english_lexicon.py): every other common English word -> the Vietnamese the bundled
  embedding model puts nearest it, built by scripts/build_english_lexicon.py; guesses that tell a sentence's
  topic, never an answer. ``guess_vietnamese(word, min_score)``. Generated, so tested by sample, not by row.
- verb_openers.tsv.gz (verb_openers.py): the syllables and pairs that open a Vietnamese verb phrase, from how often
  the news writes them right after a tense marker (đã, đang, sẽ), built by scripts/build_verb_openers.py; where the
  noun a figure counts ends. ``opens_verb(word, next_word)``. Generated, so tested by sample.

- the word tables of the rules answerer, each with its loader module: currency_words, money_asks, money_nouns,
  number_labels, qualifiers, negations, document_kinds, unit_words, question_heads, person_questions, titles,
  rate_periods, stopwords, common_words, abbreviations (README, "Answerers", says what each decides).

One mechanism matches the gazetteer, question words and units (matcher.py); every row of every table has its own test
in tests/answer/knowledge/.
"""
