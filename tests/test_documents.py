"""Reading articles: what is accepted, and the one-line errors for what is not."""

from __future__ import annotations

import pytest

from kg import documents
from kg.documents import guess_title, read_documents
from kg.errors import KgError
from tests.conftest import SEEDS


def test_reads_the_seed_with_its_headline_as_title():
    [doc] = read_documents([SEEDS])
    assert doc.doc_id == "syria-raqqa-2016"
    assert doc.title == "Syrian Troops Plan To Target IS Stronghold"
    assert doc.source.startswith("file://")
    assert len(doc.content_hash) == 64


def test_directories_are_walked_for_the_formats_kg_reads(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Iran supports Hezbollah.")
    (tmp_path / "two.md").write_text("# Title\n\nRussia supports Syria.")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    ids = sorted(d.doc_id for d in read_documents([tmp_path]))
    assert ids == ["one", "two"]


def test_byte_order_mark_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfIran supports Hezbollah.")
    [doc] = read_documents([path])
    assert doc.text == "Iran supports Hezbollah."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"abc\x00\x01\x02", "binary"),
        (b"caf\xe9 au lait", "not UTF-8"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(KgError, match=message):
        read_documents([path])


def test_missing_path(tmp_path):
    with pytest.raises(KgError, match="no such file"):
        read_documents([tmp_path / "nope.txt"])


def test_huge_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_BYTES", 1000)
    path = tmp_path / "huge.txt"
    path.write_text("Iran supports Hezbollah. " * 100)
    with pytest.raises(KgError, match="too large"):
        read_documents([path])


def test_two_files_with_the_same_id_are_refused(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text("Iran supports Hezbollah.")
    with pytest.raises(KgError, match="document id 'same' already read from"):
        read_documents([tmp_path])


def test_a_bad_file_among_good_ones_fails_the_whole_read(tmp_path):
    (tmp_path / "good.txt").write_text("Iran supports Hezbollah.")
    (tmp_path / "zbad.txt").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(KgError, match=r"zbad\.txt"):
        read_documents([tmp_path])


def test_title_guess_only_takes_headline_like_lines():
    assert guess_title("Israel-Hamas Truce Holding\n\nText.") == "Israel-Hamas Truce Holding"
    assert guess_title("This is a sentence, not a headline.\nMore.") is None


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


def test_markdown_markup_is_removed(tmp_path):
    path = tmp_path / "note.md"
    path.write_text(
        "# Iran and Hezbollah\n\nIran supports **Hezbollah**, _officials_ said.\n\n"
        "- Israel struck [Hezbollah](http://example.org/x) positions. ![map](map.png)\n"
    )
    [doc] = read_documents([path])
    assert doc.title == "Iran and Hezbollah"
    assert "Iran supports Hezbollah, officials said." in doc.text
    assert "Israel struck Hezbollah positions." in doc.text
    assert "*" not in doc.text and "](" not in doc.text and "#" not in doc.text


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
