"""News in the shapes users bring it: HTML pages, JSON Lines, JSON and CSV dumps, gzip, standard
input; metadata onto the document node; every bad input skipped with its reason, the rest ingested."""

from __future__ import annotations

import gzip
import json
import os
import pty
import subprocess
import sys
import tracemalloc

import pytest
from click.testing import CliRunner

from kg import documents
from kg.cli import main
from kg.documents import Fields, Inputs, Skipped, parse_date
from kg.pipeline import ingest
from kg.query import select
from kg.store import open_store
from tests.conftest import SEEDS

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


def test_two_workers_give_the_same_graph(tmp_path):
    one, two = str(tmp_path / "one"), str(tmp_path / "two")
    ingest([SEEDS], one)
    ingest([SEEDS], two, workers=2)
    query = "SELECT ?st ?p WHERE { ?st a rdf:Statement ; rdf:predicate ?p } ORDER BY ?st"
    assert labels(one, query) == labels(two, query) and labels(one, query)


def test_a_progress_bar_on_a_terminal_only(tmp_path):
    """On a terminal (a real pseudo-terminal here) stderr shows progress; through a pipe, nothing."""
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS))
    command = [sys.executable, "-m", "kg.cli", "ingest", str(tmp_path / "feed.jsonl"), "--store"]
    leader, follower = pty.openpty()
    process = subprocess.Popen([*command, str(tmp_path / "a")], stderr=follower, stdout=subprocess.DEVNULL)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed: the command is done
            break
        if not chunk:
            break
        seen += chunk
    assert process.wait(timeout=120) == 0
    assert b"articles" in seen and b"/s" in seen
    piped = subprocess.run([*command, str(tmp_path / "b")], capture_output=True, text=True)
    assert piped.returncode == 0 and piped.stderr == ""


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


def test_a_non_utf8_argument_is_one_clear_error():
    result = subprocess.run([sys.executable, "-m", "kg.cli", "extract", b"Iran supports \xff\xfe Hezbollah."],
                            capture_output=True, timeout=180)  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == b"kg: error: the text argument is not UTF-8 (byte 0xff at offset 14)\n"
