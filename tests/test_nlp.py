from __future__ import annotations

import pytest

from collectlint.nlp import zh

SAMPLES = [
    "我们会上门，还要发到你朋友圈曝光",
    "马上把你列入失信被执行人。",
    "滚动还款 杀毒软件 利滚利",
    "【XX银行】您尾号1234的信用卡本期应还1,200.00元 please call 95555",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_direct_segmenter_equals_spacy_jieba_tokenizer(text: str) -> None:
    zh.register_phrases(["上门", "曝光"])
    doc = zh.pipeline()(text)
    spacy_spans = [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]
    assert zh.segment(text) == spacy_spans


def test_registered_phrase_stays_whole() -> None:
    zh.register_phrases(["上门"])
    text = "我们会上门"
    assert (3, 5) in zh.segment(text)
