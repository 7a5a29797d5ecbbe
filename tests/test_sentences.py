"""Sentences (kg.sentences): the spaCy pipeline named by KG_MODEL, long articles parsed in paragraph
chunks, hard-wrapped lines and headlines read as the writer meant them."""

from __future__ import annotations

import pytest

from kg.errors import KgError


def test_long_articles_are_parsed_in_paragraph_chunks(monkeypatch):
    """spaCy refuses texts over max_length; kg cuts long articles at paragraph breaks instead."""
    from kg import sentences
    from kg.documents import from_text

    monkeypatch.setattr(sentences, "CHUNK_CHARS", 200)
    paragraph = "Iran supports Hezbollah. Israel struck Hezbollah positions in Lebanon.\n\n"
    document = from_text(paragraph * 20, doc_id="long")
    nlp = sentences.load_pipeline()
    monkeypatch.setattr(nlp, "max_length", 400)
    parsed = sentences.split(document, nlp)
    assert len(parsed) == 40
    assert [s.index for s in parsed] == list(range(40))
    assert parsed[-1].text == "Israel struck Hezbollah positions in Lebanon."


def test_chunks_keep_every_character():
    from kg.sentences import chunks

    text = ("One sentence here. " * 40 + "\n\n") * 30 + "x" * 5000
    pieces = chunks(text, 1000)
    assert "".join(pieces) == text
    assert max(len(p) for p in pieces) <= 1000


def test_hard_wrapped_text_gives_the_same_sentences_as_unwrapped():
    from kg.documents import from_text
    from kg.sentences import split

    flowing = (
        "Russian Jets Strike Idlib\n\nRussian jets struck rebel positions in Idlib province on Monday, "
        "monitors said, as government forces advanced towards the town of Saraqeb."
    )
    wrapped = (
        "Russian Jets Strike Idlib\n\nRussian jets struck rebel positions in Idlib province on\n"
        "Monday, monitors said, as government forces advanced towards the town\nof Saraqeb."
    )
    one = [s.text for s in split(from_text(flowing))]
    two = [s.text for s in split(from_text(wrapped))]
    assert one == two
    assert one[0] == "Russian Jets Strike Idlib" and len(one) == 2


def test_a_headline_on_the_line_before_the_text_stays_apart():
    from kg.documents import from_text
    from kg.sentences import split

    texts = [s.text for s in split(from_text("Israel Strikes Gaza\nIsraeli jets struck Gaza on Monday."))]
    assert texts == ["Israel Strikes Gaza", "Israeli jets struck Gaza on Monday."]


def test_a_headline_the_parser_cuts_in_two_is_one_sentence_but_sentences_on_one_line_stay_apart():
    from kg.documents import from_text
    from kg.sentences import split

    text = "Kenya Recalls Envoy From Somalia as Border Dispute Deepens\n\nIran backs Hezbollah. Kenya attacked Somalia."
    texts = [s.text for s in split(from_text(text))]
    assert texts == [
        "Kenya Recalls Envoy From Somalia as Border Dispute Deepens",
        "Iran backs Hezbollah.",
        "Kenya attacked Somalia.",
    ]


def test_a_headline_cut_on_its_line_is_made_whole():
    """The parser's cut of a headline depends on the text after it, so the cut is made here by hand, on a real parse:
    the two pieces on the headline's line become one sentence; sentences that end in a full stop never do."""
    from kg.sentences import _whole_headlines, load_pipeline

    headline = "Kyiv Accuses Separatists of Shelling Near Donetsk as Minsk Talks Stall"
    doc = load_pipeline()(headline + "\n\nIran backs Hezbollah. Kenya attacked Somalia.\n")
    cut = next(t.i for t in doc if t.text == "as") + 1
    line_end = next(t.i for t in doc if t.text == "Stall") + 1
    iran = next(t.i for t in doc if t.text == "Iran")
    y = next(t.i for t in doc if t.text == "Kenya")
    spans = [doc[0:cut], doc[cut:line_end], doc[iran:y], doc[y : len(doc)]]
    texts = [span.text.strip() for span in _whole_headlines(spans, doc.text)]
    assert texts == [headline, "Iran backs Hezbollah.", "Kenya attacked Somalia."]


def test_a_model_that_is_not_installed_is_one_clear_error(monkeypatch):
    from kg.sentences import load_pipeline

    with pytest.raises(KgError, match="not installed"):
        load_pipeline("xx_no_such_model")


def test_the_model_is_a_setting(tmp_path):
    """KG_MODEL picks the pipeline; the CLI reports a missing one in one line."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "KG_MODEL": "xx_no_such_model"}
    result = subprocess.run(
        [sys.executable, "-m", "kg.cli", "extract", "Iran supports Hezbollah."], capture_output=True, text=True, env=env
    )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "kg: error: spaCy model 'xx_no_such_model' (KG_MODEL) is not installed; install its package, or unset KG_MODEL"
    )


def test_a_dateline_is_blank_to_the_parser_and_kept_in_the_sentence():
    from kg.documents import from_text
    from kg.sentences import normalise, split

    text = "Missile Launch\n\nSEOUL — North Korea fired a missile at South Korea.\n\nUN: Syria must act."
    _headline, second, third = split(from_text(text, doc_id="d"))
    assert second.text == "SEOUL — North Korea fired a missile at South Korea."  # as the article spells it
    assert second.span[0].text == "North"  # 'SEOUL' is where the story was filed, not the subject
    assert third.text == "UN: Syria must act."  # an actor's acronym in capitals is no dateline
    assert normalise("GAZA CITY, Palestinian Territories: Four children were killed.").lstrip().startswith("Four")
    assert normalise("WASHINGTON (Reuters) - The US said.").lstrip().startswith("The US")
