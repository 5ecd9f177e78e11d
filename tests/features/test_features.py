"""Runs every feature in features/ with the shared lawyer-worded steps."""

from pytest_bdd import scenarios

from tests.features.steps import *  # noqa: F403  (pytest-bdd finds steps in the test module)

scenarios(".")
