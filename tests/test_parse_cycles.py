"""The parser's heads as a tree: natasha's syntax model does not promise one, and every walk up
the heads in the events stage would loop forever on a cycle (a generated statement once hung a
worker until its 300 s limit)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, strategies as st

from pipeline.events.triggers import acyclic_heads


def _roots_reached(heads: list[int]) -> bool:
    """Every walk up the heads ends at a root within len(heads) steps."""
    for start in range(len(heads)):
        current, steps = start, 0
        while current >= 0:
            current, steps = heads[current], steps + 1
            if steps > len(heads):
                return False
    return True


CYCLES = [
    ([1, 0], [1, -1]),  # two tokens heading each other
    ([1, 2, 0, -1], [1, 2, -1, -1]),  # a three-cycle beside a root
    ([-1, 0, 3, 2, 3], [-1, 0, 3, -1, 3]),  # a cycle hanging off nothing, another token on it
    ([0], [-1]),  # a token its own head
    ([5, -1], [-1, -1]),  # a head outside the sentence
]


@pytest.mark.parametrize("heads, expected", CYCLES)
def test_every_cycle_is_broken_at_one_token(heads, expected):
    assert acyclic_heads(heads) == expected


@given(st.lists(st.integers(min_value=-1, max_value=12), max_size=12))
def test_every_walk_up_the_heads_ends(heads):
    assert _roots_reached(acyclic_heads(heads))


@given(st.lists(st.integers(min_value=-1, max_value=12), max_size=12))
def test_a_tree_is_left_as_it_is(heads):
    tree = [h if h < len(heads) and h != i else -1 for i, h in enumerate(heads)]
    assume(_roots_reached(tree))  # only trees: every draw that is one is checked
    assert acyclic_heads(heads) == tree
