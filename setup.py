"""Only the package list lives here; everything else is in pyproject.toml.

``packages.find`` in pyproject.toml cannot discover ``goalform.resources`` (the top-level
``resources/`` folder mapped by ``package-dir``), so a wheel built from it lacked every template.
Its data folders (templates/, icons/, translations/...) are listed as namespace packages so that
setuptools ships their files (package-data) without warning about them.
"""
from setuptools import find_namespace_packages, find_packages, setup

RESOURCES = ["goalform.resources"] + [f"goalform.resources.{name}" for name in find_namespace_packages(where="resources")]

setup(packages=find_packages(include=["goalform", "goalform.*"]) + RESOURCES)
