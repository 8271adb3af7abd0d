from hypothesis import given, settings
from hypothesis import strategies as st

from docket.issues.positions import is_valid_key, key_between


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=300))
def test_any_sequence_of_inserts_keeps_keys_strictly_ordered(slots):
    keys: list[str] = []
    for slot in slots:
        index = slot % (len(keys) + 1)
        lower = keys[index - 1] if index > 0 else None
        upper = keys[index] if index < len(keys) else None
        key = key_between(lower, upper)
        assert is_valid_key(key)
        keys.insert(index, key)
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


def test_appending_grows_keys_slowly():
    key = None
    for _ in range(1000):
        key = key_between(key, None)
    assert key is not None
    assert len(key) <= 40


def test_refuses_bounds_in_the_wrong_order():
    try:
        key_between("b", "a")
    except ValueError:
        return
    raise AssertionError("expected ValueError")
