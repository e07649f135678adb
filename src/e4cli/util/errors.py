"""Errors that mean e4 itself cannot work (exit 2), importable without loading anything."""


class ReferentialError(Exception):
    """The referential data is missing or broken: a fault of the installation."""
