"""The ``kg`` command: a thin layer over the library (kg.pipeline, kg.store, kg.query, kg.export,
kg.network, kg.view, kg.analysis, kg.serve, kg.evaluate). Every user error is one line on stderr
and a non-zero exit."""

from __future__ import annotations

import csv
import io
import json
import signal
import sys
import time
from dataclasses import replace
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import click

# Only what every command needs, and the modules whose constants the options show. A command imports
# its own stage when it runs: the pipeline (and through it spaCy, about a second) for ingest and
# extract, networkx and pyvis for view and analyze, kg.documents for reading files; `kg --help` and
# `kg query` pay for none of them (benchmarks/startup.py, tests/test_layers.py).
from kg import export, query
from kg.errors import KgError, terminal_safe
from kg.store import location_from, open_store, shown
from kg.vocabulary import relations

if TYPE_CHECKING:
    from rich.progress import Progress

    from kg.documents import Inputs, Skipped
    from kg.network import Network

#: Option values and defaults that --help shows, of stages a command imports only when it runs
#: (kg.documents.FORMATS, kg.pipeline.BATCH_DOCUMENTS, kg.serve's limits): written out so that `kg --help`
#: imports none of them; tests/test_layers.py checks that they agree with their modules.
INPUT_FORMATS = ("text", "markdown", "html", "jsonl", "json", "csv")
BATCH_DOCUMENTS = 32
QUERY_TIMEOUT, SOCKET_TIMEOUT, MAX_CONNECTIONS = 30.0, 30.0, 32

STORE_HELP = (
    "Store: a directory (embedded on-disk store), memory:, or a SPARQL endpoint's query URL. "
    "[env KG_STORE; default ./.kg]"
)


def read_input(text: str | None, file: Path | None, what: str) -> str:
    """The argument, else the file, else standard input (when it is not a terminal); never empty."""
    value = _read_input(text, file, what)
    if not value.strip():
        raise KgError(f"the {what} is empty")
    return value


def _read_input(text: str | None, file: Path | None, what: str) -> str:
    if text is not None and file is not None:
        raise KgError(f"give the {what} as an argument or with --file, not both")
    if text is not None:
        return utf8_argument(text, what)
    from kg.documents import decode, read_limited

    if file is not None:
        try:
            with file.open("rb") as handle:
                return decode(read_limited(handle, str(file)), str(file))
        except OSError as err:
            raise KgError(f"cannot read {file}: {err.strerror or err}") from None
    if sys.stdin is None or sys.stdin.isatty():
        raise KgError(f"no {what} given (pass it as an argument, with --file, or on standard input)")
    # same checks as files (binary, UTF-8), and a limit: `yes | kg extract` must end
    return decode(read_limited(sys.stdin.buffer, "standard input"), "standard input")


def utf8_argument(text: str, what: str) -> str:
    """The argument, if it is UTF-8. Python hands other bytes on as lone surrogates, which fail much later
    (spaCy, the store) with a traceback."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        raw = text.encode("utf-8", "surrogateescape")
        offset = len(text[: err.start].encode("utf-8", "surrogateescape"))
        raise KgError(f"the {what} argument is not UTF-8 (byte 0x{raw[offset]:02x} at offset {offset})") from None
    return text


class KgGroup(click.Group):
    """Turns KgError into one line on stderr and exit status 1 (2 for usage errors, as click does)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KgError as err:
            click.echo(f"kg: error: {terminal_safe(str(err))}", err=True)  # it may name a file or quote input
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("kg: interrupted; every document is either wholly in the store or not at all", err=True)
            ctx.exit(130)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """kg: an actor-relationship knowledge graph from the news.

    Read articles, extract who does what to whom (with factuality and attribution), keep it as RDF,
    and query, view, export or score it.
    """


store_option = click.option("--store", "store", default=None, envvar="KG_STORE", help=STORE_HELP)
gazetteer_option = click.option(
    "--gazetteer",
    "gazetteer",
    metavar="FILE",
    envvar="KG_GAZETTEER",
    help="Your own actors, merged over kg's gazetteer (their names win): JSON Lines or CSV with label, type, "
    "aliases, parent, wikidata (README: Your own actors). [env KG_GAZETTEER]",
)


def use_gazetteer(path: str | None) -> None:
    """Read and check a user's gazetteer before anything is extracted or stored (a bad file: one error line);
    in use until the command ends (a CliRunner in tests runs many commands in one process)."""
    if path:
        from kg.gazetteer import use_gazetteer as use

        use(path)
        click.get_current_context().call_on_close(lambda: use(None))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@store_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary (skipped inputs are still named).")
@click.option("--strict", is_flag=True, help="Stop at the first input that cannot be read, instead of skipping it.")
@click.option(
    "--follow-links", is_flag=True, help="Follow symbolic links in a folder that lead out of it (skipped by default)."
)
@click.option(
    "--field",
    "fields",
    multiple=True,
    metavar="NAME=FIELD",
    help="Record field for JSON Lines/JSON/CSV: text, title, date, url, id or publisher (e.g. text=body). Repeatable.",
)
@click.option(
    "--format",
    "stdin_format",
    type=click.Choice(INPUT_FORMATS),
    help="What '-' (standard input) holds. [default: guessed from its first character]",
)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1), help="Parsing processes.")
@click.option(
    "--cluster",
    metavar="ADDRESS",
    help="Parse on a Dask cluster instead: its scheduler's address (tcp://HOST:8786). Needs kg[cluster] here and "
    "on the workers (README: Ingest on a cluster).",
)
@click.option(
    "--parts",
    type=click.Path(path_type=Path, file_okay=False),
    metavar="DIR",
    help="With --cluster: workers write N-Quads part files to DIR (a folder they and this machine share), "
    "bulk-loaded into the store at the end.",
)
@click.option("--author", help="Who issued these texts (official statements: whom 'we' means), as a gazetteer name.")
@gazetteer_option
@click.option(
    "--batch-size",
    default=BATCH_DOCUMENTS,
    show_default=True,
    type=click.IntRange(1),
    help="Documents per write (one transaction each).",
)
def ingest(
    paths: tuple[str, ...],
    store: str | None,
    quiet: bool,
    strict: bool,
    follow_links: bool,
    fields: tuple[str, ...],
    stdin_format: str | None,
    workers: int,
    cluster: str | None,
    parts: Path | None,
    batch_size: int,
    author: str | None,
    gazetteer: str | None,
) -> None:
    """Read articles and keep their statements in the store.

    PATHS are files, directories (walked recursively) or - for standard input: .txt, .md,
    .html/.htm, .jsonl, .json, .csv, each also gzip-compressed (.gz). An input that cannot be read
    (binary, not UTF-8, empty, truncated, too large, a named pipe or device, a link out of a walked
    folder) is named on stderr and skipped, unless --strict. Unchanged articles are skipped; changed
    ones are replaced. Documents are written in batches, one transaction each: after a crash or
    Ctrl-C every document is wholly in or wholly out, and the same command again adds the rest.
    """
    from kg.documents import Fields, Inputs

    if cluster is None:
        from kg.pipeline import ingest as ingest_paths
    else:  # the same ingest, its parsing done by the cluster's workers
        from kg.cluster import ingest as ingest_paths

    use_gazetteer(gazetteer)
    target = location_from(store)
    inputs = Inputs(list(paths), Fields.parse(fields), stdin_format, follow_links=follow_links)
    with IngestProgress(inputs, enabled=not quiet and sys.stderr.isatty()) as progress:
        try:
            report = ingest_paths(
                inputs,
                target,
                batch_size=batch_size,
                strict=strict,
                **parsing(workers, cluster, parts, progress),
                on_write=progress.update,
                on_skip=progress.skipped,
                author=author,
            )
        except KeyboardInterrupt:
            progress.stop()
            click.echo(
                f"kg: interrupted; {progress.stored} documents stored, each whole; "
                "the same command again adds the rest",
                err=True,
            )
            sys.exit(130)
    if not report.stored and not report.unchanged:
        raise KgError(f"nothing ingested: {len(report.skipped)} input(s) skipped (see above)")
    if not quiet:
        click.echo(f"{report.summary()}; store: {shown(location_from(store))}")


def parsing(workers: int, cluster: str | None, parts: Path | None, progress: IngestProgress) -> dict:
    """Where ingest parses: in --workers processes here, or on the Dask cluster of --cluster (kg.cluster)."""
    if cluster is None:
        if parts is not None:
            raise KgError("--parts is for --cluster (part files written by the cluster's workers)")
        return {"workers": workers}
    if workers > 1:
        raise KgError("--workers counts processes on this machine; with --cluster, the cluster's workers parse")
    return {"scheduler": cluster, "parts": parts, "on_parsed": progress.parsed}


class IngestProgress:
    """A progress bar on stderr (bytes read, articles, articles/s, ETA) when it is a terminal;
    skipped inputs are named either way, above the bar."""

    def __init__(self, inputs: Inputs, enabled: bool):
        self.inputs, self.enabled, self.stored = inputs, enabled, 0
        self._parsed, self._unchanged = 0, 0
        self._bar: Progress | None = None
        self._started = time.monotonic()

    def __enter__(self) -> IngestProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("ingest"),
                BarColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[documents]} articles, {task.fields[rate]}/s"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("ingest", total=self.inputs.total_bytes or None, documents=0, rate="0")
        return self

    def update(self, report) -> None:
        self.stored, self._unchanged = report.stored, len(report.unchanged)
        self._show()

    def parsed(self, documents: int) -> None:
        """Documents a cluster has parsed so far, counted as its tasks complete (before they are written)."""
        self._parsed = documents
        self._show()

    def _show(self) -> None:
        if self._bar:
            done = max(self.stored, self._parsed) + self._unchanged
            rate = f"{done / max(time.monotonic() - self._started, 1e-9):.1f}"
            self._bar.update(self._task, completed=self.inputs.done_bytes, documents=done, rate=rate)

    def skipped(self, item: Skipped) -> None:
        message = f"kg: skipped {terminal_safe(str(item))}"
        if self._bar:
            self._bar.console.print(message, markup=False, highlight=False)
        else:
            click.echo(message, err=True)

    def stop(self) -> None:
        if self._bar:
            self._bar.stop()
            self._bar = None

    def __exit__(self, *exc) -> None:
        self.stop()


@main.command("query")
@click.argument("sparql", required=False)
@click.option("--file", "-f", "file", type=click.Path(path_type=Path), help="Read the query from a .rq file.")
@click.option("--format", "fmt", type=click.Choice(query.FORMATS), default="table", show_default=True)
@store_option
def query_command(sparql: str | None, file: Path | None, fmt: str, store: str | None) -> None:
    """Run a SPARQL query (argument, --file, or stdin). Prefixes kg: rdf: rdfs: skos: owl: prov:
    dcterms: xsd: are predeclared. CONSTRUCT and DESCRIBE print Turtle."""
    text = read_input(sparql, file, "query")
    result = open_store(store, read_only=True).query(text)
    click.echo(query.format_result(result, fmt).rstrip("\n"))


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(export.FORMATS), default="turtle", show_default=True)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    help="Write to a file instead of stdout. It appears only when complete (a hidden .NAME.kg-tmp-* beside it "
    "until then, which the next export of NAME removes if a killed run left it).",
)
@store_option
def export_command(fmt: str, output: Path | None, store: str | None) -> None:
    """Export the whole graph (triple formats merge all documents; trig/nquads keep one graph each), the
    statement table (csv, jsonl: one row per statement) or the actor network (graphml, gexf with time)."""
    opened = open_store(store, read_only=True)
    if output is None:
        export.export(opened, sys.stdout.buffer, fmt)
        return
    with export.output_file(output) as handle:
        export.export(opened, handle, fmt)
        size = handle.tell() if handle.seekable() else None
    click.echo(f"wrote {output} ({f'{size:,} bytes, ' if size is not None else ''}{fmt})", err=True)


DATE = click.DateTime(["%Y-%m-%d"])


def network_options(command):
    """The options that narrow the network, shared by view and analyze."""
    for option in reversed([
        click.option("--relation", "relation_names", multiple=True, metavar="NAME",
                     help="Only these relations (repeatable), e.g. --relation supports."),
        click.option("--since", type=DATE, help="Only evidence from articles dated on or after (YYYY-MM-DD)."),
        click.option("--until", type=DATE, help="Only evidence from articles dated on or before (YYYY-MM-DD)."),
        click.option("--min-docs", default=1, show_default=True, type=click.IntRange(1),
                     help="Only relations reported by at least this many documents."),
        click.option("--focus", metavar="ACTOR", help="Only this actor (label, alias or id) and its neighbourhood."),
        click.option("--depth", default=1, show_default=True, type=click.IntRange(1),
                     help="Neighbourhood size for --focus."),
        click.option("--max-nodes", type=click.IntRange(1), help="Keep only the most central actors."),
    ]):  # fmt: skip
        command = option(command)
    return command


def narrowed(opened, include_claims: bool, factualities: tuple[str, ...], **options) -> Network:
    """The store's network, narrowed by the options of network_options."""
    from kg.network import find_actor, read_network, select

    full = read_network(opened)
    unknown = [r for r in options["relation_names"] if r not in relations()]
    if unknown:
        raise KgError(f"unknown relation {unknown[0]!r}; known: {', '.join(sorted(relations()))}")
    focus = None
    if options["focus"]:
        focus = find_actor(full, options["focus"])
        if focus is None:
            raise KgError(f"no actor {options['focus']!r} in the store (try kg query for labels)")
    since = options["since"].date() if options["since"] else None
    until = options["until"].date() if options["until"] else None
    selected = select(
        full, include_claims=include_claims, factualities=factualities, relation_names=options["relation_names"],
        since=since, until=until, min_docs=options["min_docs"], focus=focus, depth=options["depth"],
        max_nodes=options["max_nodes"],
    )  # fmt: skip
    if since or until:  # say what the range left out: undated articles drop out of any range, silently otherwise
        from kg.network import date_coverage

        coverage = date_coverage(full, since, until)
        if coverage.undated or coverage.outside:
            click.echo(f"kg: {coverage.describe(since, until)}", err=True)
    return selected


pair_option = click.option(
    "--pair", nargs=2, metavar="ACTOR ACTOR", help="Only the relations between these two actors (label, alias or id)."
)


def timeline_of(opened, by: str, pair: tuple[str, str] | None, include_claims: bool, **options):
    """The timeline of the narrowed network (facts only unless include_claims), and the chart's title;
    says on stderr how many undated documents it had to leave out."""
    from kg.network import find_actor
    from kg.statements import Factuality
    from kg.timeline import between, timeline

    network = narrowed(opened, include_claims, (Factuality.ACTUAL,), **options)
    title = None
    if pair:
        iris = [find_actor(network, name) for name in pair]
        for name, iri in zip(pair, iris, strict=True):
            if iri is None:
                raise KgError(f"no actor {name!r} in the store (try kg query for labels)")
        network = between(network, *iris)
        title = f"{network.actor(iris[0]).label} and {network.actor(iris[1]).label}: cooperation and conflict per {by}"
    result = timeline(network, by)
    if result.undated_documents:
        n = result.undated_documents
        which, whose = (f"{n:,} undated documents", "their") if n != 1 else ("1 undated document", "its")
        click.echo(f"kg: {which} left out of the timeline (no date to place {whose} statements in time)", err=True)
    return result, title


@main.command("view")
@click.option("--output", "-o", type=click.Path(path_type=Path), default=Path("kg-graph.html"), show_default=True)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in a browser.")
@network_options
@store_option
def view_command(output: Path, open_browser: bool, store: str | None, **options) -> None:
    """Write the actor network as an interactive page: one HTML file that works offline."""
    from kg import view
    from kg.statements import Factuality

    network = narrowed(open_store(store, read_only=True), True, tuple(Factuality), **options)
    with export.output_file(output) as handle:
        handle.write(view.render(network).encode("utf-8"))
    click.echo(f"wrote {output} ({len(network.nodes())} actors, {len(network.edges)} relations)", err=True)
    if open_browser:
        click.launch(str(output.resolve()))


@main.command("analyze")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--include-claims", is_flag=True, help="Count attributed claims too, not only what articles state.")
@click.option(
    "--by",
    type=click.Choice(["week", "month"]),
    help="Over time instead: statements per week or month by relation family (cooperation, conflict, structural).",
)
@click.option("--per-pair", is_flag=True, help="With --by: table and CSV per actor pair and period.")
@pair_option
@network_options
@store_option
def analyze_command(
    fmt: str,
    include_claims: bool,
    by: str | None,
    per_pair: bool,
    pair: tuple[str, str] | None,
    store: str | None,
    **options,
) -> None:
    """Centralities, communities, structural balance and alliances of the actor network (networkx);
    with --by, statement counts per week or month by relation family and actor pair.

    CSV holds the per-actor table (with --by: per period, or per pair and period); JSON holds everything."""
    from kg import analysis
    from kg.statements import Factuality

    if (per_pair or pair) and not by:
        raise click.UsageError("--per-pair and --pair count over time: give --by week or --by month")
    if by:
        result, _title = timeline_of(open_store(store, read_only=True), by, pair, include_claims, **options)
        if fmt == "json":
            click.echo(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
            return
        rows = result.pair_rows() if per_pair else result.period_rows()
        header = list(rows[0]) if rows else ["period", "cooperation", "conflict", "structural", "statements"]
        cells = [[str(row[h]) for h in header] for row in rows]
        if fmt == "csv":
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerows([header, *cells])
            click.echo(buffer.getvalue().rstrip("\n"))
        else:
            click.echo(query.table(header, cells, count=False))
        return
    network = narrowed(open_store(store, read_only=True), include_claims, (Factuality.ACTUAL,), **options)
    result = analysis.analyze(network, include_claims=True)  # already narrowed to what counts
    if fmt == "json":
        click.echo(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
        return
    rows = analysis.actors_table(result)
    if fmt == "csv":
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        click.echo(buffer.getvalue().rstrip("\n"))
        return
    click.echo(analysis.report(result, rows))


@main.command("plot")
@click.option("--by", type=click.Choice(["week", "month"]), default="month", show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=Path), default=Path("kg-timeline.svg"), show_default=True)
@click.option("--include-claims", is_flag=True, help="Count attributed claims too, not only what articles state.")
@pair_option
@network_options
@store_option
def plot_command(
    by: str, output: Path, include_claims: bool, pair: tuple[str, str] | None, store: str | None, **options
) -> None:
    """Chart cooperation against conflict over time (statements per week or month, by article date) as an
    SVG file: for a report or a slide, or to open in a browser."""
    from kg.timeline import svg

    result, title = timeline_of(open_store(store, read_only=True), by, pair, include_claims, **options)
    with export.output_file(output) as handle:
        handle.write(svg(result, title).encode("utf-8"))
    statements = sum(r["statements"] for r in result.period_rows())
    click.echo(f"wrote {output} ({len(result.periods)} {by}s, {statements:,} statements)", err=True)


@main.command("extract")
@click.argument("text", required=False)
@click.option("--file", "-f", "file", type=click.Path(path_type=Path), help="Read the text from a file.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--author", help="Who issued the text (an official statement's 'we'): a gazetteer name.")
@click.option(
    "--explain", is_flag=True, help="Per sentence: actors and how they were resolved, triggers, and why none fired."
)
@gazetteer_option
def extract_command(
    text: str | None, file: Path | None, fmt: str, author: str | None, explain: bool, gazetteer: str | None
) -> None:
    """Print the statements of a text (or of the file TEXT names), then its one-sided events; nothing is stored."""
    from kg.documents import from_text, read_document
    from kg.pipeline import extract_document

    use_gazetteer(gazetteer)
    if text is not None and file is None and not any(c.isspace() for c in text) and Path(text).is_file():
        text, file = None, Path(text)  # 'kg extract article.txt' means the article, not the words 'article.txt'
    # a file goes through the same checks and Markdown handling as ingest
    document = read_document(file) if file is not None and text is None else from_text(read_input(text, file, "text"))
    document = replace(document, author=author or document.author)
    if explain:
        from kg.explain import explain as explain_document

        for explanation in explain_document(document):
            if fmt == "json":
                click.echo(json.dumps(explanation.as_dict(), ensure_ascii=False))
            else:
                click.echo("\n".join(explanation.lines()) + "\n")
        return
    extraction = extract_document(document)
    for note in extraction.notes:
        click.echo(f"kg: note: {note}", err=True)
    # one-sided events (an actor and an act, no other side) after the statements, marked as such
    for found in [*extraction.statements, *extraction.events]:
        if fmt == "json":
            click.echo(json.dumps(found.as_dict(), ensure_ascii=False))
        else:
            click.echo(f"{terminal_safe(found.describe())}\n    {terminal_safe(found.sentence.text)}")
    if fmt == "text" and not extraction.statements and not extraction.events:
        click.echo("(no statements)", err=True)


@main.command("actors")
@click.option(
    "--text",
    "texts",
    multiple=True,
    metavar="PATH",
    help="Also read these articles (files or folders, as kg ingest reads them) and list the names the extractor "
    "made no gazetteer actor of, and the ambiguous ones (runs spaCy). Repeatable.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@gazetteer_option
@store_option
def actors_command(texts: tuple[str, ...], fmt: str, gazetteer: str | None, store: str | None) -> None:
    """The actors of the store with their counts (documents, statements, claims), type, IRI and Wikidata id, and
    where each came from: kg's gazetteer, yours, or a name kg only guessed (what to add to a gazetteer)."""
    from kg import actors_report

    use_gazetteer(gazetteer)
    actors = actors_report.store_actors(open_store(store, read_only=True))
    names = None
    if texts:
        skipped = lambda item: click.echo(f"kg: skipped {terminal_safe(str(item))}", err=True)  # noqa: E731
        names = actors_report.text_names(texts, on_skip=skipped)
    if fmt == "json":
        listed = None if names is None else [n.as_dict() for n in names]
        click.echo(json.dumps({"actors": [vars(a) for a in actors], "names": listed}, indent=2, ensure_ascii=False))
        return
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["kind", *CSV_ACTOR_COLUMNS])
        for actor in actors:
            writer.writerow(["actor", *(getattr(actor, c, "") for c in CSV_ACTOR_COLUMNS)])
        for name in names or []:
            row = name.as_dict()
            writer.writerow([row["kind"], *(row.get(c, "") for c in CSV_ACTOR_COLUMNS)])
        click.echo(buffer.getvalue().rstrip("\n"))
        return
    click.echo(actors_report.report(actors, names))


#: One CSV table for both actors (kind "actor") and names found in texts (kind unresolved, ambiguous, guessed).
CSV_ACTOR_COLUMNS = ["label", "type", "origin", "documents", "statements", "claims", "wikidata", "iri", "source",
                     "name", "mentions", "candidates", "example"]  # fmt: skip


@main.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--show-errors", is_flag=True, help="List missed and false statements with their sentences.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--ignore-relation",
    "ignore",
    multiple=True,
    help="Leave a relation the gold was not annotated for out of the score (repeatable).",
)
@store_option
def eval_command(
    gold: tuple[Path, ...], show_errors: bool, fmt: str, ignore: tuple[str, ...], store: str | None
) -> None:
    """Score the store against gold statements (JSON Lines, or directories of them)."""
    from kg import evaluate

    score = evaluate.score(open_store(store, read_only=True), gold, ignore)
    click.echo(json.dumps(score.as_dict(), indent=2) if fmt == "json" else score.report(show_errors))


@main.command("remove")
@click.argument("doc_id")
@store_option
def remove_command(doc_id: str, store: str | None) -> None:
    """Delete one document (by id: its file name without extension) and its statements."""
    from kg.pipeline import remove as remove_document

    if not remove_document(doc_id, location_from(store)):
        raise KgError(f"no document {doc_id!r} in the store")
    click.echo(f"removed {doc_id}", err=True)


@main.command("load")
@click.argument("dump", type=click.Path(path_type=Path))
@store_option
def load_command(dump: Path, store: str | None) -> None:
    """Add a TriG or N-Quads dump (from kg export) to the store: restore a backup, or move a graph
    to another store. Bulk speed; a malformed file loads nothing; a document the store already
    holds is replaced by the dump's version, and corroboration counts are recounted."""
    from kg.pipeline import load as load_documents

    report = load_documents(dump, location_from(store))
    replaced = f", {report.replaced:,} of them replacing stored versions" if report.replaced else ""
    click.echo(
        f"loaded {report.quads:,} quads ({report.documents:,} documents{replaced}) from {dump} "
        f"into {shown(location_from(store))}",
        err=True,
    )


@main.command("serve")
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (0.0.0.0: all).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="0 picks a free port.")
@click.option("--writable", is_flag=True, help="Also accept SPARQL updates at /update, with a token (off by default).")
@click.option(
    "--token",
    envvar="KG_SERVE_TOKEN",
    help="With --writable: the token updates must carry (Authorization: Bearer ...); default: a random one, "
    "printed at start. [env KG_SERVE_TOKEN]",
)
@click.option("--allow-service", is_flag=True, help="Run SERVICE clauses, which make the server fetch other URLs.")
@click.option("--allow-load", is_flag=True, help="With --writable: run LOAD <url>, which fetches a URL.")
@click.option(
    "--query-timeout",
    default=QUERY_TIMEOUT,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds a query may run before it is stopped.",
)
@click.option(
    "--socket-timeout",
    default=SOCKET_TIMEOUT,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds a client has to send its request; slower connections are dropped.",
)
@click.option(
    "--max-connections",
    default=MAX_CONNECTIONS,
    show_default=True,
    type=click.IntRange(1, 10_000),
    help="Connections served at once; more are answered 503.",
)
@click.option("--quiet", "-q", is_flag=True, help="Do not log requests.")
def serve_command(
    store: str | None,
    host: str,
    port: int,
    writable: bool,
    token: str | None,
    allow_service: bool,
    allow_load: bool,
    query_timeout: float,
    socket_timeout: float,
    max_connections: int,
    quiet: bool,
) -> None:
    """Answer SPARQL 1.1 Protocol queries over the store at /query, for YASGUI, notebooks or Gephi.
    See the README's Security section for what it protects and what it does not."""
    from kg import serve

    server = serve.serve(
        open_store(store, read_only=not writable),
        host,
        port,
        writable=writable,
        quiet=quiet,
        token=token,
        allow_service=allow_service,
        allow_load=allow_load,
        query_timeout=query_timeout,
        socket_timeout=socket_timeout,
        max_connections=max_connections,
    )
    mode = "read-write" if writable else "read-only"
    signal.signal(signal.SIGTERM, _interrupt)  # kill, docker stop, systemd: the same clean stop as Ctrl-C
    try:  # from the announcement on: a Ctrl-C right after it is a clean stop too
        where = f"{server.url}/query ({mode}) over {server.store.location}"
        click.echo(f"kg: SPARQL endpoint {where}; Ctrl-C stops", err=True)
        if writable:
            given = "the token of --token or KG_SERVE_TOKEN"
            made = f"'Authorization: Bearer {server.token}' (for kg: KG_STORE_TOKEN={server.token})"
            click.echo(f"kg: updates at {server.url}/update need {given if token else made}", err=True)
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("kg: stopped", err=True)
    finally:
        server.server_close()


def _interrupt(signum: int, frame: FrameType | None) -> None:
    """SIGTERM as Ctrl-C: the server's ``finally`` closes the port and stops running queries either way."""
    raise KeyboardInterrupt


if __name__ == "__main__":
    main()
