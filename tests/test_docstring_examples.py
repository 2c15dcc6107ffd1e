"""The calls and results shown in docstrings are run, so the documentation cannot drift from the code."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import extract

MODULES = sorted(m.name for m in pkgutil.walk_packages(extract.__path__, "extract."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_give_the_results_they_show(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} docstring examples in {name} fail (see output)"
