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


@pytest.mark.parametrize("name", extract.__all__)
def test_every_public_type_and_function_shows_an_example(name):
    import inspect

    assert ">>>" in (inspect.getdoc(getattr(extract, name)) or ""), f"extract.{name} has no example in its docstring"


@pytest.mark.parametrize("method", ["to_json", "to_dict", "from_json", "iter_sections", "to_spacy"])
def test_every_report_method_shows_an_example(method):
    assert ">>>" in getattr(extract.Report, method).__doc__
