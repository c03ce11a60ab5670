"""What a page's render read, compared across builds: each read made into data once a build, compared as data."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from routines.engine.reads import Name, _Now, data

values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3) | st.tuples(inner, inner) | st.dictionaries(st.text(max_size=2), inner, max_size=3)
    | st.builds(lambda held: SimpleNamespace(**held), st.dictionaries(st.sampled_from("ab"), inner, max_size=2)),
    max_leaves=12,
)
PAGE = Name(("page", "Page", "index.md"))
TITLE = ("attr", "title")


@given(values, values)
def test_a_read_gives_what_it_gave_exactly_when_its_data_is_the_same(value, other):
    """Whatever was compared with it before in the build."""
    now = _Now()
    read = now.read(PAGE, TITLE, value)
    assert read.gives(data(value))
    assert read.gives(data(other)) == (data(value) == data(other))
    assert now.read(PAGE, TITLE, value).gives(data(value))


def test_a_read_every_page_makes_is_made_into_data_once_a_build():
    """The navigation read by a thousand pages: one piece of data, so a later build compares it once."""
    nav = {"items": [SimpleNamespace(title="Knee", url="knee/")]}
    now = _Now()
    first, second = now.read(PAGE, TITLE, nav), now.read(PAGE, TITLE, nav)
    assert first.data is second.data


def test_a_read_that_gives_another_object_is_made_again():
    """A page made active, a title replaced: the read gives another object, read afresh."""
    now = _Now()
    assert now.read(PAGE, ("attr", "active"), False).data is False
    assert now.read(PAGE, ("attr", "active"), True).data is True
    assert not now.read(PAGE, ("attr", "active"), True).gives(False)


def test_the_page_being_rendered_is_read_afresh():
    """Its own `on_page_context` may just have changed what it holds in place."""
    meta = {"title": "Knee"}
    now = _Now()
    before = now.read(PAGE, ("attr", "meta"), meta)
    meta["title"] = "Knee reset"
    assert now.read(PAGE, ("attr", "meta"), meta).data == {"title": "Knee"}, "the same object is taken as unchanged"
    now.forget(PAGE)
    after = now.read(PAGE, ("attr", "meta"), meta)
    assert after.data == {"title": "Knee reset"}
    assert not after.gives(before.data)


def test_a_value_that_holds_itself_is_compared_as_its_data_is():
    """A cycle is named, not followed."""
    looped: list = [1]
    looped.append(looped)
    now = _Now()
    assert now.read(PAGE, TITLE, looped).gives(data(looped))
    assert not _Now().read(PAGE, TITLE, [1, [1]]).gives(data(looped))
