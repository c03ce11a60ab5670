"""What a page's render read, compared across builds: the comparison made without the data is the data's."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from routines.engine.reads import data, same

values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3) | st.tuples(inner, inner) | st.dictionaries(st.text(max_size=2), inner, max_size=3)
    | st.builds(lambda held: SimpleNamespace(**held), st.dictionaries(st.sampled_from("ab"), inner, max_size=2)),
    max_leaves=12,
)


@given(values, values)
def test_a_read_is_the_same_exactly_when_its_data_is(value, other):
    """`same(value, data(other))` answers what comparing `data(value)` with it would."""
    assert same(value, data(other)) == (data(value) == data(other))
    assert same(value, data(value))


def test_a_value_that_holds_itself_is_compared_as_its_data_is():
    """A cycle is named, not followed."""
    looped: list = [1]
    looped.append(looped)
    assert same(looped, data(looped))
    assert not same([1, [1]], data(looped))
