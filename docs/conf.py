"""Sphinx configuration: the API reference, generated from the docstrings (autodoc, napoleon).

Build it as CI does (offline, warnings are errors):
``python -m sphinx -W --keep-going -b html docs docs/_build/html``.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Document the checkout's package, not whatever copy happens to be installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import summarizer

project = "summarizer"
author = "The summarizer authors"
copyright = "2026, The summarizer authors"
release = summarizer.__version__
version = ".".join(release.split(".")[:2])

extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon", "sphinx.ext.viewcode"]
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_static_path: list[str] = []

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options: dict[str, object] = {}
# summarizer.distributed needs the dask extra; the reference does not.
autodoc_mock_imports = ["dask", "distributed"]
napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_use_rtype = False
