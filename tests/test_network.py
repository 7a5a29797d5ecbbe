"""The actor network read back from a store (kg.network) and the selection behind kg view and kg analyze
(focus and depth, relations, documents, dates, the most central actors), on the known world of
tests/world.py."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from kg.cli import main
from kg.network import Network, find_actor, read_network, select
from kg.store import open_store
from tests.world import world


def test_the_stored_world_reads_back_as_the_world(world_store):
    """The command tests below run on the store; it must hold the world the other tests analyse."""
    stored, expected = read_network(open_store(world_store, read_only=True)), world()

    def edges(network: Network) -> set[tuple]:
        return {
            (*key, e.document_count, e.asserted_count, frozenset((v.sentence, v.factuality, v.asserted_by, v.date)
                                                                 for v in e.evidence))
            for key, e in network.edges.items()
        }  # fmt: skip

    assert edges(stored) == edges(expected)
    assert {(a.iri, a.label, a.type) for a in expected.actors.values()} <= {
        (a.iri, a.label, a.type) for a in stored.actors.values()
    }


def test_selection_by_focus_relation_and_documents():
    network = world()
    iran = find_actor(network, "iran")
    near = select(network, focus=iran, depth=1)
    assert {network.actor(n).label for n in near.nodes()} == {"Iran", "Hezbollah", "Israel", "Hamas"}
    supports = select(network, relation_names=("supports",))
    assert {e.relation for e in supports.edges.values()} == {"supports"}
    twice = select(network, min_docs=2)
    assert [(network.actor(e.subject).label, e.relation) for e in twice.edges.values()] == [("Iran", "supports")]
    top = select(network, max_nodes=3)  # Iran and Turkey (3 neighbours each), then the first of the 2s
    assert {network.actor(n).label for n in top.nodes()} == {"Iran", "Hezbollah"}


def test_selection_by_date(world_store, tmp_path):
    network = world()
    recent = select(network, since=date(2019, 1, 1))  # only the article of 2020
    assert [(network.actor(e.subject).label, e.relation) for e in recent.edges.values()] == [("Iran", "supports")]
    assert [e.document_count for e in recent.edges.values()] == [1], "a narrowed edge counts its own documents"
    early = select(network, until=date(2015, 1, 1))  # only the article of 2014
    assert {(network.actor(e.subject).label, e.relation) for e in early.edges.values()} == {
        ("Iran", "supports"),
        ("Israel", "attacks"),
    } and len(early.edges) == 3
    result = CliRunner().invoke(
        main, ["view", "--since", "2019-01-01", "-o", str(tmp_path / "v.html"), "--store", world_store]
    )
    assert result.exit_code == 0 and "(2 actors, 1 relations)" in result.output


def test_bad_options_are_one_line(world_store, tmp_path):
    for args, message in (
        (["--focus", "Narnia"], "no actor 'Narnia'"),
        (["--relation", "likes"], "unknown relation 'likes'"),
        (["--since", "May 2020"], "Invalid value for '--since'"),
    ):
        result = CliRunner().invoke(main, ["view", *args, "-o", str(tmp_path / "x.html"), "--store", world_store])
        assert result.exit_code != 0 and message in result.output, result.output
        assert not (tmp_path / "x.html").exists()
