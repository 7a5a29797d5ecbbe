"""Reading articles (kg.documents): what is accepted, in the shapes users bring news (text, Markdown, HTML,
JSON Lines, JSON, CSV, gzip, standard input), the ids and metadata documents get, and the one-line reason
for what is not read."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import documents
from kg.cli import main
from kg.documents import Document, Fields, Inputs, Skipped, guess_title, parse_date, read_documents
from kg.errors import KgError, terminal_safe
from kg.pipeline import IngestReport, ingest
from kg.query import select
from kg.store import open_store
from tests.conftest import SEEDS, run, write
from tests.test_packaging import NEWS_PAGE


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


def test_a_reader_that_cannot_import_skips_its_input_only(tmp_path):
    """Issue 10, item 11: jusText without lxml_html_clean (what pip 23 installed) raised an ImportError
    that ended the run. The install is broken here for real: a lxml_html_clean that fails to import
    comes first on the path, as when it is missing."""
    broken = tmp_path / "broken"
    (broken / "lxml_html_clean").mkdir(parents=True)
    (broken / "lxml_html_clean" / "__init__.py").write_text("raise ImportError('No module named lxml_html_clean')\n")
    page = tmp_path / "page.html"
    page.write_text(NEWS_PAGE)
    good = write(tmp_path / "good.txt", b"Iran supports Hezbollah.")
    store = str(tmp_path / "store")
    env = {**os.environ, "PYTHONPATH": str(broken)}
    command = [sys.executable, "-m", "kg.cli", "ingest", str(page), good, "--store", store]
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(f"kg: skipped {page}: cannot read HTML") and result.stderr.count("\n") == 1
    assert "1 new" in result.stdout and "1 skipped" in result.stdout
    assert run("query", "ASK { doc:good a kg:Document }", "--store", store).output.strip() == "true"


# News in the shapes users bring it: HTML pages, JSON Lines, JSON and CSV dumps, gzip, standard input;
# metadata onto the document node; every bad input skipped with its reason, the rest ingested.

PAGE = """<!doctype html><html><head><title>Moscow steps up support | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2016-03-05T09:30:00Z">
<link rel="canonical" href="https://news.example/2016/moscow-support"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | Turkey supports nobody in this menu</nav>
<article><h1>Moscow steps up support</h1>
<p>Russia supports the Syrian army in its offensive on Palmyra, officials said on Saturday.</p>
<p>Iran supports Hezbollah, which has fighters near the city.</p></article>
<footer>Subscribe. Saudi Arabia attacks the footer.</footer></body></html>"""

RECORDS = [
    {
        "id": "wire-1",
        "title": "Tehran and its allies",
        "content": "Iran supports Hezbollah.",
        "publishedAt": "2019-07-01T08:00:00Z",
        "url": "https://wire.example/1",
        "source": {"id": "wire", "name": "Wire Service"},
    },
    {"id": "wire-2", "content": "Russia supports the Syrian army.", "publishedAt": "Mon, 02 Sep 2019 10:00:00 GMT"},
]


def labels(location: str, query: str) -> list[dict[str, str]]:
    return select(open_store(location, read_only=True), query)


def test_an_html_page_gives_its_article_and_metadata(tmp_path):
    (tmp_path / "page.html").write_text(PAGE)
    location = str(tmp_path / "store")
    ingest([tmp_path / "page.html"], location)
    [doc] = labels(location, "SELECT ?title ?date ?source ?publisher WHERE { ?d a kg:Document ; dcterms:title ?title ;"
                   " dcterms:date ?date ; dcterms:source ?source ; dcterms:publisher ?publisher }")  # fmt: skip
    assert doc == {
        "title": "Moscow steps up support",
        "date": "2016-03-05",
        "source": "https://news.example/2016/moscow-support",
        "publisher": "Example News",
    }
    statements = labels(location, "SELECT ?s ?p WHERE { ?st rdf:subject/rdfs:label ?s ; rdf:predicate ?p }")
    assert {(r["s"], r["p"]) for r in statements} >= {("Russia", "kg:supports"), ("Iran", "kg:supports")}
    assert {r["s"] for r in statements}.isdisjoint({"Turkey", "Saudi Arabia"}), "menu and footer are not the article"


def test_json_lines_json_and_csv_records(tmp_path):
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n")
    (tmp_path / "api.json").write_text(json.dumps({"status": "ok", "articles": [
        {"title": "One", "description": "short", "content": "Turkey attacks the YPG.", "publishedAt": "2020-01-02"},
    ]}))  # fmt: skip
    (tmp_path / "export.csv").write_text(
        'headline,body,date,link\n"Ankara and the PKK","Turkey fights the PKK.",5 March 2021,https://x.example/a\n'
    )
    location = str(tmp_path / "store")
    report = ingest([tmp_path], location)
    assert sorted(report.added) == ["api-1", "export-2", "feed-wire-1", "feed-wire-2"] and not report.skipped
    docs = labels(location, "SELECT ?id ?date ?title WHERE { ?d dcterms:identifier ?id ; dcterms:date ?date "
                  "OPTIONAL { ?d dcterms:title ?title } } ORDER BY ?id")  # fmt: skip
    assert [(d["id"], d["date"]) for d in docs] == [
        ("api-1", "2020-01-02"),
        ("export-2", "2021-03-05"),
        ("feed-wire-1", "2019-07-01"),
        ("feed-wire-2", "2019-09-02"),
    ]
    assert docs[2]["title"] == "Tehran and its allies" and docs[1]["title"] == "Ankara and the PKK"
    [wire] = labels(location, "SELECT ?p ?s WHERE { doc:feed-wire-1 dcterms:publisher ?p ; dcterms:source ?s }")
    assert wire == {"p": "Wire Service", "s": "https://wire.example/1"}


def test_field_names_are_configurable(tmp_path):
    (tmp_path / "odd.jsonl").write_text(json.dumps({"key": "a1", "story_text": "Iran supports Hezbollah.",
                                                    "meta": {"when": "2018-04-01"}}) + "\n")  # fmt: skip
    fields = Fields.parse(["text=story_text", "id=key", "date=meta.when"])
    [doc] = list(Inputs([tmp_path / "odd.jsonl"], fields))
    assert (doc.doc_id, doc.text, doc.date) == ("odd-a1", "Iran supports Hezbollah.", "2018-04-01")
    result = CliRunner().invoke(main, ["ingest", "--field", "nonsense", str(tmp_path), "--store", "memory:"])
    assert result.exit_code == 1 and "bad field mapping" in result.stderr


def test_gzip_compressed_inputs(tmp_path):
    with gzip.open(tmp_path / "a.txt.gz", "wt") as f:
        f.write("Iran supports Hezbollah.")
    with gzip.open(tmp_path / "feed.jsonl.gz", "wt") as f:
        f.write("\n".join(json.dumps(r) for r in RECORDS))
    (tmp_path / "broken.txt.gz").write_bytes(gzip.compress(b"Iran supports Hezbollah. " * 50)[:40])
    items = list(Inputs([tmp_path]))
    assert sorted(i.doc_id for i in items if not isinstance(i, Skipped)) == ["a", "feed-wire-1", "feed-wire-2"]
    [skipped] = [i for i in items if isinstance(i, Skipped)]
    assert skipped.name.endswith("broken.txt.gz") and "gzip" in skipped.reason


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        (
            "truncated.jsonl",
            b'{"id": "ok", "text": "Iran supports Hezbollah."}\n{"id": "cut", "text": "Iran sup',
            "JSON",
        ),
        ("latin.jsonl", b'{"id": "ok", "text": "Iran supports Hezbollah."}\n{"text": "Fran\xe7ois"}\n', "UTF-8"),
        ("notext.jsonl", b'{"id": "ok", "text": "Iran supports Hezbollah."}\n{"title": "no body"}\n', "no text"),
        ("array.json", b'[{"id": "ok", "text": "Iran supports Hezbollah."}, 7]', "not an object"),
    ],
)
def test_a_bad_record_is_skipped_and_its_file_goes_on(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    items = list(Inputs([tmp_path / name]))
    assert [i.doc_id for i in items if not isinstance(i, Skipped)] == [name.split(".")[0] + "-ok"]
    [skipped] = [i for i in items if isinstance(i, Skipped)]
    assert reason in skipped.reason and (" line " in skipped.name or " record " in skipped.name)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("binary.jsonl", b"\x00\x01\x02{}", "binary"),
        ("binary.csv", b"title,text\n\x00\x01", "looks like a binary file, not CSV"),
        ("broken.json", b'[{"text": "Iran supports', "not valid JSON"),
        ("header.csv", b"title,text\n", "no records"),
        ("binary.html", b"<html>\x00\x00", "binary"),
        ("empty.html", b"   ", "empty"),
        (
            "blank.html",
            b"<html><head><title>Nothing</title></head><body><img src='x.png'></body></html>",
            "no article text",
        ),
    ],
)
def test_a_bad_file_is_skipped_with_its_reason(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    [skipped] = list(Inputs([tmp_path / name]))
    assert isinstance(skipped, Skipped) and reason in skipped.reason


def test_standard_input(tmp_path):
    location = str(tmp_path / "store")
    text = CliRunner().invoke(main, ["ingest", "-", "--store", location], input="Iran supports Hezbollah.\n")
    assert text.exit_code == 0 and "1 new" in text.stdout
    lines = "\n".join(json.dumps(r) for r in RECORDS)
    records = CliRunner().invoke(main, ["ingest", "-", "--store", location], input=lines)
    assert records.exit_code == 0 and "2 new" in records.stdout
    ids = {r["id"] for r in labels(location, "SELECT ?id WHERE { ?d a kg:Document ; dcterms:identifier ?id }")}
    assert ids == {"stdin", "stdin-wire-1", "stdin-wire-2"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-03-05", "2016-03-05"),
        ("2016-03-05T23:30:00Z", "2016-03-05"),
        ("Sat, 05 Mar 2016 10:00:00 GMT", "2016-03-05"),
        ("March 5, 2016", "2016-03-05"),
        ("05/03/2016", "2016-03-05"),
        ("20160305T101500Z", "2016-03-05"),
        (1457172000, "2016-03-05"),
        (1457172000000, "2016-03-05"),
        ("March 2016", None),
        ("yesterday", None),
        ("2016-02-30", None),
        ("", None),
    ],
)
def test_dates_are_parsed_robustly(value, expected):
    assert parse_date(value) == expected


# Issue 10: limits hold while reading, and odd JSON is a skipped input, not a crash.


def test_a_huge_line_in_a_compressed_feed_is_not_read_whole(tmp_path, monkeypatch):
    """18 MB of gzip held one 4 GB line, read whole before the size check (8.6 GB of memory). Here 30 MB
    against a limit of 100 kB: reading stops at the limit, and memory stays near it."""
    monkeypatch.setattr(documents, "MAX_BYTES", 100_000)
    with gzip.open(tmp_path / "feed.jsonl.gz", "wb") as f:
        f.write(json.dumps(RECORDS[0]).encode() + b"\n")
        f.write(b'{"text": "' + b"a" * 30_000_000 + b'"}\n')
        f.write(json.dumps(RECORDS[1]).encode() + b"\n")
    tracemalloc.start()
    try:
        items = list(Inputs([tmp_path / "feed.jsonl.gz"]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000
    assert [i.doc_id for i in items if not isinstance(i, Skipped)] == ["feed-wire-1"]
    [skipped] = [i for i in items if isinstance(i, Skipped)]
    assert skipped.name.endswith("feed.jsonl.gz line 2")
    assert skipped.reason == "record over 0.1 MB; the rest of the file is not read"


def test_the_article_limit_is_20_MB_and_says_so(tmp_path):
    """It was 20 MiB, printed as '21 MB'."""
    (tmp_path / "big.txt").write_bytes(b"Iran supports Hezbollah. " * 840_000)  # 21 MB
    with gzip.open(tmp_path / "packed.txt.gz", "wb", compresslevel=1) as f:
        f.write(b"a" * 20_000_001)
    items = list(Inputs([tmp_path / "big.txt", tmp_path / "packed.txt.gz"]))
    assert [(i.name, i.reason) for i in items] == [
        (str(tmp_path / "big.txt"), "too large for one article (21.0 MB > 20 MB)"),
        (str(tmp_path / "packed.txt.gz"), "too large for one article (over 20 MB)"),
    ]
    assert documents.MAX_BYTES == 20_000_000


@pytest.mark.parametrize(
    ("command", "message"),
    [
        ("extract", "kg: error: standard input: over 20 MB, the most kg reads as one input\n"),
        (
            "ingest - --format jsonl --store memory:",
            "kg: skipped standard input line 1: record over 20 MB; the rest of the file is not read\n"
            "kg: error: nothing ingested: 1 input(s) skipped (see above)\n",
        ),
    ],
)
def test_endless_standard_input_is_read_up_to_the_limit(command, message):
    """`yes | kg extract` read until memory ran out. The command runs under a 1.5 GB address-space limit,
    so that the old behaviour fails fast instead of taking the machine's memory."""
    endless = "yes 'Iran supports Hezbollah.' | tr -d '\\n'"
    shell = f"{endless} | (ulimit -v 1500000; exec {sys.executable} -m kg.cli {command})"
    result = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=180)
    assert result.returncode == 1 and result.stderr == message


def test_a_lone_surrogate_or_deep_nesting_skips_that_input_only(tmp_path):
    """A \\ud800 escape in a field crashed the batch (nothing stored); deep nesting raised RecursionError."""
    lines = [
        json.dumps({"id": "good-1", "text": "Iran supports Hezbollah."}),
        '{"id": "bad-text", "text": "Iran supports \\ud800 Hezbollah."}',
        '{"id": "bad-title", "text": "Iran supports Hezbollah.", "title": "\\udc80"}',
        "[" * 100_000 + "]" * 100_000,
        '{"id": "big-number", "text": "Iran supports Hezbollah.", "date": ' + "9" * 5000 + "}",
        json.dumps({"id": "good-2", "text": "Russia supports the Syrian army."}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    (tmp_path / "deep.json").write_text('{"articles": ' + "[" * 100_000 + "]" * 100_000 + "}")
    (tmp_path / "one.json").write_text('[{"text": "Iran \\udfff supports Hezbollah."}]')
    (tmp_path / "zlast.txt").write_text("Turkey attacks the YPG.")
    report = ingest([tmp_path], str(tmp_path / "store"))
    assert report.added == ["feed-good-1", "feed-good-2", "zlast"]
    reasons = {s.name.removeprefix(str(tmp_path) + "/"): s.reason for s in report.skipped}
    assert reasons == {
        "deep.json": "nested too deeply to read",
        "feed.jsonl line 2": "field 'text' holds an invalid character (a lone surrogate, \\ud800)",
        "feed.jsonl line 3": "field 'title' holds an invalid character (a lone surrogate, \\udc80)",
        "feed.jsonl line 4": "nested too deeply to read",
        "feed.jsonl line 5": "not valid JSON (a number too long to read)",
        "one.json record 1": "field 'text' holds an invalid character (a lone surrogate, \\udfff)",
    }
