"""Errors that stop a command (exit 2), importable without loading anything."""

from __future__ import annotations


class ReferentialError(Exception):
    """The referential data is missing or broken: a fault of the installation."""


class CommandError(Exception):
    """A command cannot go on; the message says why in one French line (exit 2).

    Arguments that cannot work together, an output that cannot be written, a
    missing PDF engine: never a problem in a dossier, which is a finding. The
    command runner (`cli.runner`) prints it as `e4 : <message>`.
    """


class RenderError(CommandError):
    """The document cannot be produced (PDF engine missing, file that is not a model): exit 2."""


class PageError(RenderError):
    """The browser works but failed on this one document (twice): the others can go on."""
