"""Tokenisers, built once per process and only when a document needs them.

Chinese uses jieba through spaCy (``spacy.blank("zh")`` with the jieba segmenter chosen explicitly:
spaCy's default Chinese segmenter is per character).  English uses spaCy's rule-based tokenizer.  No
model is downloaded: both are blank pipelines.
"""

from __future__ import annotations

from collectlint.nlp.tokens import Tokens, tokenize

__all__ = ["Tokens", "tokenize"]
