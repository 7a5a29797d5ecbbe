"""The README is tested (issue 12), so that it cannot drift from the program it describes:

* every command and every option of ``kg`` (read from click's command tree in kg.cli, not from help
  text) is mentioned in README.md, and every value of an option with fixed choices;
* its SPARQL examples (the ```sparql blocks, the ``kg query '...'`` lines and the inline ASKs said to
  be true or false) run against the seed store, made as the README makes it (``kg ingest seeds/``),
  and their answers are checked: the table printed under an example (its columns, and each of its
  rows in the answer), the Turtle printed under a DESCRIBE (each of its triples in the answer), the
  truth of an ASK; an example printed without an answer must answer something, with the columns it
  projects (a template with '...' in it, such as ``kg query 'DESCRIBE <...>'``, is not run);
* every figure pasted from a run (a table of measured numbers, a paragraph quoting two or more of
  them) names the script or command that made it and the date, in the passage itself or in the one
  it continues (the paragraph that introduces a table, the table a paragraph comments on); the
  script must exist. The README writes it as "`python benchmarks/stores.py` ... 2026-11-28" or
  "(benchmarks/stores.py, 2026-11-28)".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import click
import pytest
import rdflib

from kg.cli import main
from kg.vocabulary import PREFIXES
from tests.conftest import ROOT, SEEDS, run

README = (ROOT / "README.md").read_text(encoding="utf-8")
#: A fenced code block: its language and its text.
FENCE = re.compile(r"^```(?P<lang>[\w-]*)\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)
#: Code spans outside fenced blocks, where the README names commands, options and their values.
SPANS = re.findall(r"`([^`\n]+)`", FENCE.sub("", README))


# ------------------------------------------------------------------- commands and options


def command_tree(command: click.Command = main, path: str = "kg") -> Iterator[tuple[str, click.Command]]:
    """Every command by its full name ('kg', 'kg query', and a group's subcommands), from click itself."""
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in sorted(command.commands.items()):
            yield from command_tree(sub, f"{path} {name}")


COMMANDS = dict(command_tree())


def mentioned(words: str) -> bool:
    """The words stand in the README as a whole (``--store`` is not ``--store-token``)."""
    return re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", README) is not None


def choice_shown(option: str, value: str) -> bool:
    """A choice is shown as one of a list in a code span (`--format turtle\\|ntriples`, `trig\\|nquads`), or
    as the option with that value (`--format json`)."""
    for span in SPANS:
        if span == f"{option} {value}" or span.startswith(f"{option} {value} "):
            return True
        if "\\|" in span and value in {word for part in span.split("\\|") for word in part.split()}:
            return True
    return False


def undocumented(path: str, command: click.Command) -> list[str]:
    """What of this command the README does not mention: the command, its options, its options' choices."""
    missing = [] if path == "kg" or mentioned(path) else [f"`{path}`"]
    for param in command.params:
        if not isinstance(param, click.Option) or param.hidden:
            continue
        for option in (o for o in [*param.opts, *param.secondary_opts] if o.startswith("--")):
            if not mentioned(option):
                missing.append(f"`{path} {option}`")
        if isinstance(param.type, click.Choice):
            option = max(param.opts, key=len)
            missing += [f"`{path} {option} {v}`" for v in param.type.choices if not choice_shown(option, v)]
    return missing


@pytest.mark.parametrize("path", sorted(COMMANDS))
def test_every_command_and_option_is_in_the_readme(path):
    missing = undocumented(path, COMMANDS[path])
    assert not missing, f"README.md does not mention {', '.join(missing)}"


def test_every_command_has_a_row_in_the_commands_table():
    rows = [line for line in README.splitlines() if line.startswith("| `kg ")]
    listed = {re.match(r"\| `(kg [\w-]+)", row)[1] for row in rows}
    missing = sorted(f"`kg {name}`" for name in main.commands if f"kg {name}" not in listed)
    assert not missing, f"README.md's Commands table has no row for {', '.join(missing)}"


def test_the_check_finds_what_is_missing():
    """The checks above can fail: an option, a command and a choice the README does not have are found."""

    @click.command()
    @click.option("--no-such-option-in-the-readme")
    @click.option("--format", type=click.Choice(["turtle", "no-such-format"]))
    def imaginary() -> None: ...

    assert undocumented("kg imaginary", imaginary) == [
        "`kg imaginary`",
        "`kg imaginary --no-such-option-in-the-readme`",
        "`kg imaginary --format no-such-format`",
    ]


# ------------------------------------------------------------------- SPARQL examples


@dataclass
class Example:
    """A query the README shows, and what the README says it answers."""

    query: str
    #: the answer printed under it: a ``kg query`` table, or Turtle for a DESCRIBE
    table: str | None = None
    turtle: str | None = None
    #: what the README says an ASK answers
    truth: bool | None = None

    @property
    def name(self) -> str:
        return " ".join(self.query.split())[:60]


def examples() -> list[Example]:
    """Every SPARQL example of the README, once each (the same query twice keeps the answer printed with it)."""
    found: list[Example] = []
    blocks = list(FENCE.finditer(README))
    for n, block in enumerate(blocks):
        if block["lang"] != "sparql":
            continue
        after = blocks[n + 1] if n + 1 < len(blocks) else None
        answer = (
            after["body"] if after and not after["lang"] and not README[block.end() : after.start()].strip() else None
        )
        queries = [q for q in (strip_comments(part) for part in block["body"].split("\n\n")) if q]
        found += [Example(q, table=answer if len(queries) == 1 else None) for q in queries]
    for match in re.finditer(r"kg query '([^']*)'", README):
        if "..." in match[1]:  # a template ('DESCRIBE <...>'), not an example
            continue
        turtle = re.match(r"[^\n]*\n\n```turtle\n(.*?)^```", README[match.end() :], re.M | re.S)
        found.append(Example(match[1], turtle=turtle[1] if turtle else None))
    for match in re.finditer(r"`(ASK \{[^`]*\})` is (true|false)", README):
        found.append(Example(match[1], truth=match[2] == "true"))
    merged: dict[str, Example] = {}
    for example in found:
        key = " ".join(example.query.split())
        known = merged.setdefault(key, example)
        known.table, known.turtle = known.table or example.table, known.turtle or example.turtle
        known.truth = known.truth if known.truth is not None else example.truth
    return list(merged.values())


def strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#")).strip()


EXAMPLES = examples()


@pytest.fixture(scope="module")
def readme_store(tmp_path_factory) -> str:
    """The store the README's answers come from: ``kg ingest seeds/``."""
    location = str(tmp_path_factory.mktemp("readme") / "store")
    result = run("ingest", str(SEEDS), "--store", location)
    assert result.exit_code == 0, result.output
    return location


def read_table(text: str) -> tuple[list[str], list[tuple[str, ...]]]:
    """Header and rows of a table as ``kg query`` prints it: columns are where the dashes under the
    header are (cells are padded with spaces); the count line, if any, is not a row."""
    lines = [line for line in text.splitlines() if line.strip() and not re.fullmatch(r"\(\d+ rows?\)", line)]
    spans = [m.span() for m in re.finditer(r"-+", lines[1])]
    ends = [start for start, _ in spans[1:]] + [None]

    def cells(line: str) -> tuple[str, ...]:
        return tuple(line[start:end].strip() for (start, _), end in zip(spans, ends, strict=True))

    return list(cells(lines[0])), [cells(line) for line in lines[2:]]


def same_cell(printed: str, actual: str) -> bool:
    """A printed cell ending in '...' stands for a text that begins with what is printed."""
    return actual.startswith(printed[:-3].rstrip()) if printed.endswith("...") else printed == actual


def projected(query: str) -> list[str]:
    """The variables a SELECT projects, in order: '?x' and '(... AS ?y)'."""
    head = re.search(r"SELECT\s+(?:DISTINCT\s+)?(.*?)\s+WHERE", query, re.S | re.I)[1]
    names = re.finditer(r"\((?:[^()]|\([^()]*\))*\bAS\s+\?(\w+)\s*\)|\?(\w+)", head, re.I)
    return [m[1] or m[2] for m in names]


def test_the_readme_has_sparql_examples_with_answers():
    """The examples were found: a change of how the README writes them must not leave nothing to check."""
    assert len(EXAMPLES) >= 8, [e.name for e in EXAMPLES]
    assert sum(e.table is not None for e in EXAMPLES) >= 3 and any(e.turtle for e in EXAMPLES)
    assert any(e.truth is not None for e in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_a_readme_example_answers_what_the_readme_says(example, readme_store):
    form = re.search(r"\b(SELECT|ASK|DESCRIBE|CONSTRUCT)\b", example.query, re.I)[1].upper()
    result = run("query", example.query, "--store", readme_store)
    assert result.exit_code == 0, f"{example.name}: {result.output}"
    if example.truth is not None:
        assert result.output.strip() == str(example.truth).lower(), f"README says {example.name} is {example.truth}"
    if form == "DESCRIBE":
        answer = rdflib.Graph().parse(data=result.output, format="turtle")
        assert len(answer) > 0, f"{example.name} describes nothing"
        if example.turtle:
            prefixes = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items())
            shown = rdflib.Graph().parse(data=prefixes + example.turtle, format="turtle")
            missing = [t for t in shown if t not in answer]
            assert not missing, f"the README's Turtle for {example.name} has triples the store does not: {missing}"
    if form == "SELECT":
        header, rows = read_table(result.output)
        assert header == projected(example.query), example.name
        assert rows, f"{example.name} answers nothing on the seed store"
        if example.table:
            shown_header, shown_rows = read_table(example.table)
            assert shown_header == header, f"the README prints the columns {shown_header} for {example.name}"
            missing = [row for row in shown_rows if not any(all(map(same_cell, row, actual)) for actual in rows)]
            assert not missing, (
                f"the README prints rows that {example.name} does not answer: {missing}; it answers {rows}"
            )


def test_materialised_and_computed_corroboration_are_the_same_numbers(readme_store):
    """The README shows two ways to the counts of who supports whom and says they give the same numbers."""
    [block] = [b["body"] for b in FENCE.finditer(README) if "# materialised" in b["body"]]
    materialised, on_the_fly = (strip_comments(part) for part in block.split("\n\n"))
    counts = []
    for query in (materialised, on_the_fly):
        header, rows = read_table(run("query", query, "--store", readme_store).output)
        counts.append(
            {(row[header.index("s")], row[header.index("o")], row[header.index("documents")]) for row in rows}
        )
    assert counts[0] == counts[1] and counts[0]


def test_the_table_reader_checks_rows():
    """The row check can fail: a row the answer does not hold is found, a shortened text is accepted."""
    header, rows = read_table("a     b\n----  -----\nx     long text\n(1 row)\n")
    assert (header, rows) == (["a", "b"], [("x", "long text")])
    assert same_cell("long ...", "long text") and not same_cell("long text", "long") and not same_cell("y", "x")
    assert projected("SELECT ?v ?f (COUNT(?d) AS ?documents) WHERE { }") == ["v", "f", "documents"]


# ------------------------------------------------------------------- figures and where they come from

#: A measured number: 0.96, 377.6, 1,273.5 (not a version such as SPARQL 1.1, nor an address or a date).
MEASURED = re.compile(r"(?<![\w.])(?<!SPARQL )(?<!Python )(?<!spaCy )\d[\d,]*\.\d+(?![\w.]*\d)")
#: What made a figure: a benchmark script, or a kg command.
MAKER = re.compile(r"(?:benchmarks|scripts)/[\w-]+\.py|`kg [\w-]+")
DATE = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")


def passages(text: str) -> list[str]:
    """The README's prose as passages: paragraphs, list items, headings and tables apart; a code block
    is one passage of its own."""
    found = []
    for block in re.split(r"\n[ \t]*\n", FENCE.sub("\n\n```code```\n\n", text)):
        current: list[str] = []
        for line in block.strip("\n").splitlines():
            in_table = bool(current) and current[-1].startswith("|")
            if current and (line.startswith(("- ", "#")) or line.startswith("|") != in_table):
                found.append("\n".join(current))
                current = []
            current.append(line)
        if current:
            found.append("\n".join(current))
    return found


def has_figures(passage: str) -> bool:
    """A table with three or more cells that are measured numbers, or prose quoting two or more."""
    if passage.startswith("|"):
        cells = [c.strip() for row in passage.splitlines()[2:] for c in row.split("|")]
        numeric = [c for c in cells if re.match(r"[<>~]?\s*\d", c)]
        return len(numeric) >= 3 and any(MEASURED.search(c) for c in numeric)
    return len(MEASURED.findall(passage)) >= 2


def provenance(found: list[str], n: int) -> tuple[str, date] | None:
    """The maker and date of passage n: its own, else that of the passage it continues (a table's
    introduction ends with a colon; a paragraph may comment on the figures just above it)."""
    while n >= 0:
        makers, dates = MAKER.findall(found[n]), DATE.findall(found[n])
        if makers and dates:
            return makers[0], date(*map(int, dates[-1]))
        n -= 1
        if n < 0 or not (has_figures(found[n]) or found[n].rstrip().endswith(":")):
            return None
    return None


def made_by_something_real(maker: str) -> bool:
    if maker.startswith("`kg "):
        return maker.removeprefix("`kg ") in main.commands
    return (ROOT / maker).is_file()


def figures_without_provenance(text: str) -> list[str]:
    found = passages(text)
    problems = []
    for n, passage in enumerate(found):
        if not has_figures(passage):
            continue
        where = " ".join(passage.split())[:100]
        source = provenance(found, n)
        if source is None:
            problems.append(f"no script and date for: {where}")
        elif not made_by_something_real(source[0]):
            problems.append(f"{source[0]} does not exist, named for: {where}")
        elif source[1] > date.today():
            problems.append(f"a date to come ({source[1]}) for: {where}")
    return problems


def test_figures_name_the_script_and_date_that_made_them():
    assert sum(has_figures(p) for p in passages(README)) >= 8, "the figure passages were found"
    problems = figures_without_provenance(README)
    assert not problems, "\n".join(problems)


def test_the_figure_check_finds_figures_without_provenance():
    """The check can fail: a table or paragraph of figures with no script, a script that does not exist."""
    table = "| run | seconds |\n| --- | --- |\n| a | 1.5 |\n| b | 2.5 |\n| c | 3 |"
    text = "Some words.\n\n" + table + "\n\nIt ran at 0.96 and then 0.86 of the baseline.\n"
    assert len(figures_without_provenance(text)) == 2
    sourced = "`python benchmarks/ingest.py`, one run, 2026-11-28:\n\n" + table + "\n\nIt ran at 0.96 and 0.86.\n"
    assert figures_without_provenance(sourced) == []
    assert "benchmarks/gone.py does not exist" in figures_without_provenance(sourced.replace("ingest.py", "gone.py"))[0]
    assert not has_figures("SPARQL 1.1 over the store, as SPARQL 1.1 says, at 127.0.0.1.")
