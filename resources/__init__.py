"""Data files shipped with goalform: templates, indicator library, icons, translations.

Installed as the subpackage ``goalform.resources`` (see pyproject.toml); find files through
:mod:`goalform.assets`, never by path arithmetic.
"""
