"""Reading articles: what is accepted, and the one-line errors for what is not."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg import documents
from kg.documents import Document, Inputs, Skipped, guess_title, read_documents
from kg.errors import KgError, terminal_safe
from kg.pipeline import IngestReport, ingest
from kg.query import select
from kg.store import open_store
from tests.conftest import SEEDS


def test_reads_the_seed_with_its_headline_as_title():
    [doc] = read_documents([SEEDS])
    assert doc.doc_id == "syria-raqqa-2016"
    assert doc.title == "Syrian Troops Plan To Target IS Stronghold"
    assert doc.source == "syria-raqqa-2016.txt"  # relative to what was named: no local folders
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


# Issue 10: reading must neither merge two articles into one id, nor hang, nor leak, nor follow links out.


def kg_command(*args: str, timeout: float = 180, **options) -> subprocess.CompletedProcess:
    """The real kg command in its own process, with a timeout so that a hang fails the test instead of stalling it."""
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=timeout, **options
    )


def test_file_names_in_any_script_get_their_own_readable_ids(tmp_path):
    """سوريا.txt and روسيا.txt were both 'document', and the second replaced the first."""
    names = ["سوريا", "روسيا", "हिन्दी", "Ελλάδα", "syria-raqqa-2016", "🔥", "🌍"]
    for name in names:
        (tmp_path / f"{name}.txt").write_text(f"Iran supports Hezbollah. ({name})")
    items = list(Inputs([tmp_path]))
    assert not [i for i in items if isinstance(i, Skipped)]
    ids = {i.doc_id for i in items}
    assert len(ids) == len(names)
    assert {"سوريا", "روسيا", "हिन्दी", "Ελλάδα", "syria-raqqa-2016"} <= ids  # readable, and ASCII stems as before
    assert all(re.fullmatch(r"document-[0-9a-f]{8}", i) for i in ids - set(names))  # no letters left: a hash
    report = ingest([tmp_path], str(tmp_path / "store"))
    assert sorted(report.added) == sorted(ids) and not report.replaced


def test_the_same_file_name_in_two_folders_gives_two_documents(tmp_path):
    for folder, text in (("a", "Iran supports Hezbollah."), ("b", "Russia supports the Syrian army.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(text)
    location = str(tmp_path / "store")
    first = ingest([tmp_path], location)
    assert first.added[0] == "same" and re.fullmatch(r"same-[0-9a-f]{8}", first.added[1])
    assert len(first.added) == 2 and not first.skipped
    again = ingest([tmp_path], location)  # the ids are stable: nothing new, nothing replaced
    assert sorted(again.unchanged) == sorted(first.added) and not again.added and not again.replaced


def test_records_with_the_same_id_in_two_feeds_are_both_kept(tmp_path):
    (tmp_path / "one.jsonl").write_text(json.dumps({"id": 1, "text": "Iran supports Hezbollah."}) + "\n")
    (tmp_path / "two.jsonl").write_text(json.dumps({"id": 1, "text": "Russia supports the Syrian army."}) + "\n")
    report = ingest([tmp_path], str(tmp_path / "store"))
    assert report.added == ["one-1", "two-1"] and not report.replaced


def test_a_file_named_twice_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text("Iran supports Hezbollah.")
    items = list(Inputs([tmp_path, tmp_path / "a.txt", tmp_path / "." / "a.txt"]))
    assert [i.doc_id for i in items if isinstance(i, Document)] == ["a"]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert len(skipped) == 2 and all("already read" in s.reason for s in skipped)


def test_replaced_documents_are_named_in_the_summary(tmp_path):
    (tmp_path / "a.txt").write_text("Iran supports Hezbollah.")
    location = str(tmp_path / "store")
    assert kg_command("ingest", str(tmp_path / "a.txt"), "--store", location).returncode == 0
    (tmp_path / "a.txt").write_text("Russia supports the Syrian army.")
    result = kg_command("ingest", str(tmp_path / "a.txt"), "--store", location)
    assert result.returncode == 0 and "1 updated (replaced: a)" in result.stdout
    many = IngestReport(replaced=[f"doc{n}" for n in range(13)]).summary()
    assert "13 updated (replaced: doc0, doc1, doc2, doc3, doc4, doc5, doc6, doc7, doc8, doc9 and 3 more)" in many


def test_sources_are_relative_to_what_was_named(tmp_path):
    """The absolute path (user name, folders) is not stored; the path inside the named folder is."""
    news = tmp_path / "private-home" / "news"
    (news / "sub").mkdir(parents=True)
    (news / "sub" / "a.txt").write_text("Iran supports Hezbollah.")
    (news / "b.txt").write_text("Russia supports the Syrian army.")
    (news / "Update:Syria.txt").write_text("Turkey attacks the YPG.")  # reads like an IRI scheme: still a path
    (tmp_path / "private-home" / "c.txt").write_text("Iran attacks Israel.")
    location = str(tmp_path / "store")
    ingest([news, tmp_path / "private-home" / "c.txt"], location)
    rows = select(open_store(location, read_only=True), "SELECT ?id ?source WHERE { ?d dcterms:identifier ?id ; "
                  "dcterms:source ?source FILTER(isLiteral(?source)) } ORDER BY ?id")  # fmt: skip
    assert rows == [
        {"id": "Update-Syria", "source": "Update:Syria.txt"},
        {"id": "a", "source": "sub/a.txt"},
        {"id": "b", "source": "b.txt"},
        {"id": "c", "source": "c.txt"},
    ]
    exported = kg_command("export", "--format", "nquads", "--store", location).stdout
    assert "private-home" not in exported and str(tmp_path) not in exported


def test_links_out_of_a_walked_folder_are_not_followed(tmp_path):
    news, private = tmp_path / "news", tmp_path / "private"
    (news / "sub").mkdir(parents=True)
    private.mkdir()
    (news / "sub" / "inside.txt").write_text("Iran supports Hezbollah.")
    (private / "secret.txt").write_text("Russia supports the Syrian army.")
    (news / "secret.txt").symlink_to(private / "secret.txt")
    (news / "folder").symlink_to(private)
    (news / "alias.txt").symlink_to(news / "sub" / "inside.txt")  # inside the folder: followed
    items = list(Inputs([news]))
    assert [(i.doc_id, i.source) for i in items if isinstance(i, Document)] == [("alias", "alias.txt")]
    skipped = {Path(i.name).name: i.reason for i in items if isinstance(i, Skipped)}
    assert set(skipped) == {"secret.txt", "folder", "inside.txt"}
    assert (
        skipped["secret.txt"]
        == skipped["folder"]
        == ("a symbolic link out of the folder, not followed (--follow-links follows it)")
    )
    assert "already read" in skipped["inside.txt"]
    followed = list(Inputs([news], follow_links=True))
    assert [i.doc_id for i in followed if isinstance(i, Document)] == ["alias", "secret"]  # folder/secret.txt
    result = kg_command("ingest", "--follow-links", str(news), "--store", str(tmp_path / "store"))
    assert result.returncode == 0 and "2 new" in result.stdout, result.stderr


def test_a_fifo_is_skipped_not_waited_for(tmp_path):
    """A named pipe with no writer blocked open() forever, named or met in a folder."""
    os.mkfifo(tmp_path / "pipe.txt")
    folder = tmp_path / "folder"
    folder.mkdir()
    os.mkfifo(folder / "feed.jsonl")
    (folder / "good.txt").write_text("Iran supports Hezbollah.")
    result = kg_command("ingest", str(tmp_path / "pipe.txt"), str(folder), "--store", str(tmp_path / "store"))
    assert result.returncode == 0 and "1 new" in result.stdout, result.stderr
    lines = result.stderr.splitlines()
    instead = "send it to kg's standard input instead"
    assert lines[0] == f"kg: skipped {tmp_path / 'pipe.txt'}: not a regular file (a named pipe); {instead}"
    assert lines[1].startswith(f"kg: skipped {folder / 'feed.jsonl'}: not a regular file") and len(lines) == 2
    device = kg_command("extract", "--file", "/dev/zero")
    assert device.returncode == 1 and device.stderr == (
        "kg: error: /dev/zero: not a regular file (a character device); send it to kg's standard input instead\n"
    )


def test_an_unreadable_subfolder_is_named(tmp_path):
    """It was skipped silently. As root, the test drops the capability that reads any folder."""
    (tmp_path / "news" / "locked").mkdir(parents=True)
    (tmp_path / "news" / "locked" / "a.txt").write_text("Russia supports the Syrian army.")
    (tmp_path / "news" / "b.txt").write_text("Iran supports Hezbollah.")
    (tmp_path / "news" / "locked").chmod(0)
    (tmp_path / "store").mkdir(mode=0o777)
    prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []
    command = [*prefix, sys.executable, "-m", "kg.cli", "ingest", str(tmp_path / "news"), "--store"]
    try:
        result = subprocess.run([*command, str(tmp_path / "store")], capture_output=True, text=True, timeout=180)
    finally:
        (tmp_path / "news" / "locked").chmod(0o755)
    assert result.returncode == 0 and "1 new" in result.stdout and "1 skipped" in result.stdout, result.stderr
    assert result.stderr == f"kg: skipped {tmp_path / 'news' / 'locked'}: cannot read the folder (Permission denied)\n"


def test_names_printed_to_the_terminal_are_neutralised(tmp_path):
    """A file name can carry an escape sequence (set the terminal's title) or a right-to-left override."""
    shown = terminal_safe("a\x1b]0;owned\x07b\u202etxt.exe\u2066\x9b")
    assert shown == "a\\x1b]0;owned\\x07b\\u202etxt.exe\\u2066\\x9b"
    assert terminal_safe("سوريا: not UTF-8 \udcff") == "سوريا: not UTF-8 \\udcff"
    bad = tmp_path / "evil\x1b]0;owned\x07\u202etxt.exe.txt"
    bad.write_bytes(b"\x00\x01binary")
    good = tmp_path / "good.txt"
    good.write_text("Iran supports Hezbollah.")
    result = kg_command("ingest", str(bad), str(good), "--store", str(tmp_path / "store"))
    assert result.returncode == 0, result.stderr
    assert not set(result.stderr) & {"\x1b", "\x07", "\u202e"}
    assert "evil\\x1b]0;owned\\x07\\u202etxt.exe.txt: looks like a binary file" in result.stderr
