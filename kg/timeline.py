"""Stage 8c: the actor network over time: statements per week or month, by relation family and by
actor pair (cooperation against conflict), as tables and as a chart.

A statement is placed in time by its article's date (``dcterms:date``); statements of undated
articles cannot be, and are counted apart (:attr:`Timeline.undated_documents`) so that callers can
say what was left out. Periods run without gaps from the first to the last dated statement, so a
quiet month shows as zero rather than vanishing from the axis.

The chart (:func:`svg`) is a diverging bar chart written here as plain SVG: cooperation above the
axis, conflict below, one bar pair per period, each bar with a tooltip of its count. SVG opens in
every browser, goes into a report or a slide as it is, scales for print and shows inline in a
notebook; it needs no plotting library (matplotlib would be a large dependency for one chart).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date, timedelta

from kg.network import Network

PERIODS = ("week", "month")
#: The relation families of ontology/kg.ttl (kg:family), in column order.
FAMILIES = ("cooperation", "conflict", "structural")
COLORS = {"cooperation": "#2e7d32", "conflict": "#c62828"}


def day_of(value: str | None) -> date | None:
    """The date of an xsd:date (or dateTime) text; None when absent or unreadable."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def period_of(day: date, by: str) -> str:
    """``2024-03`` for a month, ``2024-W09`` for an ISO week (weeks start on Monday)."""
    if by == "month":
        return f"{day.year:04d}-{day.month:02d}"
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def periods_between(first: date, last: date, by: str) -> list[str]:
    """Every period from the one holding ``first`` to the one holding ``last``, without gaps."""
    found: list[str] = []
    if by == "month":
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            found.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return found
    day = first - timedelta(days=first.weekday())
    while day <= last:
        found.append(period_of(day, "week"))
        day += timedelta(days=7)
    return found


@dataclass
class Timeline:
    """Statement counts per period: by family, and by actor pair and family."""

    by: str
    periods: list[str] = field(default_factory=list)
    #: period -> family -> statements
    families: dict[str, dict[str, int]] = field(default_factory=dict)
    #: period -> distinct documents
    documents: dict[str, int] = field(default_factory=dict)
    #: (actor label, other actor label), the two in alphabetical order -> period -> family -> statements
    pairs: dict[tuple[str, str], dict[str, dict[str, int]]] = field(default_factory=dict)
    #: documents whose statements could not be placed in time (no date)
    undated_documents: int = 0
    dated_documents: int = 0

    def period_rows(self) -> list[dict]:
        """One row per period: statements per family, all statements, documents."""
        return [
            {"period": p, **{f: self.families[p][f] for f in FAMILIES},
             "statements": sum(self.families[p].values()), "documents": self.documents[p]}
            for p in self.periods
        ]  # fmt: skip

    def pair_rows(self) -> list[dict]:
        """One row per actor pair and period in which the pair has statements, by period, then the
        busiest pairs first."""
        rows = []
        for (actor, other), by_period in self.pairs.items():
            for period, counts in by_period.items():
                rows.append({"period": period, "actor": actor, "other": other, **{f: counts[f] for f in FAMILIES},
                             "statements": sum(counts.values())})  # fmt: skip
        return sorted(rows, key=lambda r: (r["period"], -r["statements"], r["actor"], r["other"]))

    def as_dict(self) -> dict:
        return {
            "by": self.by,
            "periods": self.period_rows(),
            "pairs": self.pair_rows(),
            "dated_documents": self.dated_documents,
            "undated_documents": self.undated_documents,
        }


def timeline(network: Network, by: str = "month") -> Timeline:
    """Count the network's statements (its edges' evidence) per period, family and actor pair.

    The network is counted as given: narrow it first (kg.network.select) to what should count; kg
    analyze counts what articles state as fact, as its other measures do."""
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}; choose one of {', '.join(PERIODS)}")
    result = Timeline(by=by)
    placed: list[tuple[date, str, tuple[str, str], str]] = []  # (day, family, pair, document)
    undated: set[str] = set()
    dated: set[str] = set()
    for edge in network.edges.values():
        pair = tuple(sorted((network.actor(edge.subject).label, network.actor(edge.object).label)))
        for evidence in edge.evidence:
            day = day_of(evidence.date)
            if day is None:
                undated.add(evidence.document)
                continue
            dated.add(evidence.document)
            placed.append((day, edge.family, pair, evidence.document))
    result.undated_documents, result.dated_documents = len(undated - dated), len(dated)
    if not placed:
        return result
    days = [p[0] for p in placed]
    result.periods = periods_between(min(days), max(days), by)
    result.families = {p: dict.fromkeys(FAMILIES, 0) for p in result.periods}
    documents: dict[str, set[str]] = {p: set() for p in result.periods}
    for day, family, pair, document in placed:
        period = period_of(day, by)
        family = family if family in FAMILIES else "structural"
        result.families[period][family] += 1
        documents[period].add(document)
        counts = result.pairs.setdefault(pair, {}).setdefault(period, dict.fromkeys(FAMILIES, 0))
        counts[family] += 1
    result.documents = {p: len(d) for p, d in documents.items()}
    return result


def between(network: Network, actor: str, other: str) -> Network:
    """Only the relations between two actors (IRIs), in either direction."""
    pair = {actor, other}
    return Network(network.actors, {k: e for k, e in network.edges.items() if {e.subject, e.object} == pair})


def _ticks(top: int) -> list[int]:
    """Round tick values from 0 to at least ``top``: 1, 2 or 5 times a power of ten apart, at most 5 steps."""
    if top <= 0:
        return [0]
    power = 1
    while True:
        for factor in (1, 2, 5):
            step = power * factor
            steps = -(-top // step)
            if steps <= 5:
                return list(range(0, steps * step + 1, step))
        power *= 10


def svg(result: Timeline, title: str | None = None, width: int = 960, height: int = 440) -> str:
    """The timeline as a self-contained SVG: cooperation statements per period above the axis, conflict
    below; hovering a bar shows its period and count. Structural relations (partOf, controls, ...)
    are in the tables, not in the chart."""
    unit = {"month": "month", "week": "week"}[result.by]
    title = title or f"Cooperation and conflict per {unit}"
    left, right, top_margin, bottom = 56, 16, 64, 56
    plot_w, plot_h = width - left - right, height - top_margin - bottom
    rows = result.period_rows()
    most = max([max(r["cooperation"], r["conflict"]) for r in rows], default=0)
    ticks = _ticks(most)
    scale = ticks[-1] or 1
    zero = top_margin + plot_h / 2
    half = plot_h / 2
    esc = html.escape
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'font-family="Helvetica, Arial, sans-serif" font-size="12" role="img">',
        f"<title>{esc(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{left}" y="24" font-size="16" font-weight="bold">{esc(title)}</text>',
    ]
    n = result.dated_documents
    note = f"statements per {unit} by article date, from {n:,} dated document{'s' if n != 1 else ''}"
    if result.undated_documents:
        n = result.undated_documents
        note += f"; {n:,} undated document{'s' if n != 1 else ''} left out"
    out.append(f'<text x="{left}" y="44" fill="#555555" class="note">{esc(note)}</text>')
    legend_x = width - right - 220
    for i, family in enumerate(("cooperation", "conflict")):
        x = legend_x + i * 110
        out.append(f'<rect x="{x}" y="34" width="12" height="12" fill="{COLORS[family]}"/>')
        out.append(f'<text x="{x + 16}" y="44">{family}</text>')
    for tick in ticks:
        offset = half * tick / scale
        for y, shown in ((zero - offset, tick), (zero + offset, tick)):
            if tick and y >= top_margin - 1 and y <= top_margin + plot_h + 1:
                out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#eeeeee"/>')
                out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555555">{shown}</text>')
    out.append(f'<text x="{left - 6}" y="{zero + 4:.1f}" text-anchor="end" fill="#555555">0</text>')
    if not rows:
        out.append(f'<text x="{left + plot_w / 2}" y="{zero - 8}" text-anchor="middle" class="empty">'
                   "no dated statements to show</text>")  # fmt: skip
    band = plot_w / max(len(rows), 1)
    bar = max(min(band * 0.7, 40), 1)
    label_every = max(1, -(-len(rows) // 12))  # at most about 12 period labels
    for i, row in enumerate(rows):
        x = left + i * band + (band - bar) / 2
        for family, sign in (("cooperation", -1), ("conflict", 1)):
            count = row[family]
            length = half * count / scale
            y = zero - length if sign < 0 else zero
            out.append(
                f'<rect class="bar {family}" data-period="{row["period"]}" data-count="{count}" x="{x:.1f}" '
                f'y="{y:.1f}" width="{bar:.1f}" height="{length:.1f}" fill="{COLORS[family]}">'
                f"<title>{row['period']}: {count} {family} statement{'s' if count != 1 else ''}</title></rect>"
            )
        if i % label_every == 0:
            cx = left + i * band + band / 2
            out.append(f'<text x="{cx:.1f}" y="{top_margin + plot_h + 18}" text-anchor="middle" fill="#555555" '
                       f'class="period">{row["period"]}</text>')  # fmt: skip
    out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{zero:.1f}" y2="{zero:.1f}" stroke="#333333"/>')
    out.append(f'<text x="{left}" y="{height - 12}" fill="#555555">above: cooperation; below: conflict</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
