"""The SPA's generated constants match the backend's (run `make constants` when this fails)."""

from docket.projects.management.commands.spa_constants import SPA_CONSTANTS_FILE, spa_constants
from docket.projects.models import CATEGORY_COLORS, DEFAULT_WORKFLOW, StateCategory


def test_the_spa_constants_file_is_generated_from_the_backend():
    assert SPA_CONSTANTS_FILE.read_text() == spa_constants()


def test_every_category_has_one_colour_and_the_default_states_use_it():
    assert set(CATEGORY_COLORS) == set(StateCategory)
    assert all(color == CATEGORY_COLORS[category] for _, category, color in DEFAULT_WORKFLOW)
