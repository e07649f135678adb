"""Click's own words in French: help headings, usage errors and their hints.

Typer (through the Click it vendors) writes "Usage:", "Show this message and
exit." and "Error: Missing argument…" in English. e4's users are French
students: the command classes here give help and usage errors in French, and
leave any message they do not know as Click wrote it rather than guess.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

import typer
from typer._click import Context, HelpFormatter
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
from typer.core import TyperCommand, TyperGroup

from e4cli.util import typography

_HEADINGS = {"Options": "Options", "Arguments": "Arguments", "Commands": "Commandes"}

_PHRASES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"Show this message and exit\."), "Affiche cette aide et quitte."),
    (re.compile(r"\[required\]"), "[obligatoire]"),
    (
        re.compile(r"Install completion for the current shell\."),
        "Installe la complétion (commandes, options, chemins) pour le shell courant.",
    ),
    (
        re.compile(
            r"Show completion for the current shell, to copy it or customize the installation\."
        ),
        "Affiche le script de complétion du shell courant, pour le copier ou l'installer "
        "à la main.",
    ),
    (re.compile(r"\[default: ([^\]]*)\]"), r"[par défaut : \1]"),
)

# Click's metavars and range notes, as the option list and the usage line show them.
_METAVARS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"<file>"), "<fichier>"),
    (re.compile(r"<directory>"), "<dossier>"),
    (re.compile(r"<path>"), "<chemin>"),
    (re.compile(r"<(?:int range|integer|int)>"), "<entier>"),
    (re.compile(r"<(?:float range|float)>"), "<nombre>"),
    (re.compile(r"<(?:str|text|string)>"), "<texte>"),
    (re.compile(r"\[x>=(-?\d+)\]"), "[au\u00a0moins\u00a0\\1]"),
    (re.compile(r"\[x<=(-?\d+)\]"), "[au\u00a0plus\u00a0\\1]"),
    (re.compile(r"\[(-?\d+)<=x<=(-?\d+)\]"), "[de\u00a0\\1\u00a0à\u00a0\\2]"),
    (re.compile(r"\bCOMMAND \[ARGS\]\.\.\."), "COMMANDE [ARGUMENTS]..."),
    (re.compile(r"\{(\w+)\}"), lambda m: m.group(1).upper()),
)

_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^Missing argument '([^']+)'\.?$"), "argument manquant : {0}."),
    (re.compile(r"^Missing option '([^']+)'\.?$"), "option manquante : {0}."),
    (
        re.compile(r"^No such option: (\S+?)\.? Did you mean (\S+?)\?$"),
        "option inconnue : {0}. Vouliez-vous dire {1} ?",
    ),
    (re.compile(r"^No such option: (\S+?)\.?$"), "option inconnue : {0}."),
    (
        re.compile(r"^No such command '([^']+)'\.? Did you mean (.+)\?$"),
        "commande inconnue : « {0} ». Vouliez-vous dire {1} ?",  # {1}: see _quoted
    ),
    (re.compile(r"^No such command '([^']+)'\.?$"), "commande inconnue : « {0} »."),
    (re.compile(r"^Got unexpected extra arguments? \((.+)\)$"), "argument(s) en trop : {0}."),
    (re.compile(r"^Option '([^']+)' requires an argument\.?$"), "l'option {0} attend une valeur."),
    (
        re.compile(r"^Option '([^']+)' does not take a value\.?$"),
        "l'option {0} ne prend pas de valeur.",
    ),
)

_VALUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^'(.*)' is not one of (.+)\.$"), "« {0} » n'est pas une valeur possible ({1})."),
    (
        re.compile(r"^(.*) is not in the range x>=(-?\d+)\.$"),
        "{0} : la valeur doit valoir au moins {1}.",
    ),
    (
        re.compile(r"^(.*) is not in the range x<=(-?\d+)\.$"),
        "{0} : la valeur doit valoir au plus {1}.",
    ),
    (
        re.compile(r"^(.*) is not in the range (-?\d+)<=x<=(-?\d+)\.$"),
        "{0} : la valeur doit être entre {1} et {2}.",
    ),
    (re.compile(r"^(.*) is not in the range (.+)\.$"), "{0} n'est pas dans l'intervalle {1}."),
    (
        re.compile(r"^'(.*)' is not a valid integer(?: range)?\.$"),
        "« {0} » n'est pas un nombre entier.",
    ),
    (re.compile(r"^'(.*)' is not a valid float(?: range)?\.$"), "« {0} » n'est pas un nombre."),
    (re.compile(r"^(?:File|Directory|Path) '(.*)' does not exist\.$"), "« {0} » n'existe pas."),
    (re.compile(r"^File '(.*)' is a directory\.$"), "« {0} » est un dossier, pas un fichier."),
    (re.compile(r"^Directory '(.*)' is a file\.$"), "« {0} » est un fichier, pas un dossier."),
)
_INVALID = re.compile(r"^Invalid value for (.+?): (.*)$", re.DOTALL)


def translate_help(text: str) -> str:
    for pattern, french in (*_PHRASES, *_METAVARS):
        text = pattern.sub(french, text)
    return typography.french(text)


def translate_metavars(text: str) -> str:
    for pattern, french in _METAVARS:
        text = pattern.sub(french, text)
    return text


def translate_error(message: str) -> str:
    """A usage error in French; an unknown message stays as Click wrote it."""
    invalid = _INVALID.match(message)
    if invalid:
        name = _quoted(invalid.group(1))
        return typography.french(
            f"valeur invalide pour {name} : {_translate(_VALUES, invalid.group(2))}"
        )
    return _translate(_ERRORS, message)


def _translate(table: tuple[tuple[re.Pattern[str], str], ...], message: str) -> str:
    for pattern, french in table:
        match = pattern.match(message.strip())
        if match:
            return typography.french(french.format(*(_quoted(g) for g in match.groups())))
    return message


def _quoted(text: str) -> str:
    """Click's 'check', 'schema' in French quotation marks: « check », « schema »."""
    return re.sub(r"'([^']*)'", r"« \1 »", text)


_BaseContext = TyperCommand.context_class
_BaseFormatter = _BaseContext.formatter_class


class FrenchFormatter(_BaseFormatter):  # type: ignore[misc,valid-type]
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        prefix = "Utilisation\u00a0: " if prefix is None else prefix
        super().write_usage(prog, translate_metavars(args), prefix)

    def write_text(self, text: str) -> None:
        super().write_text(typography.french(text))

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{_HEADINGS.get(heading, heading)}\u00a0:\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        super().write_dl(
            [(translate_metavars(term), translate_help(text)) for term, text in rows],
            *args,
            **kwargs,
        )


class FrenchContext(_BaseContext):  # type: ignore[misc,valid-type]
    formatter_class = FrenchFormatter


class FrenchCommand(TyperCommand):
    context_class = FrenchContext


class FrenchGroup(TyperGroup):
    """The e4 command group: French help for every command, French usage errors."""

    context_class = FrenchContext

    def format_commands(self, ctx: Context, formatter: HelpFormatter) -> None:
        """The command list with each command's first sentence whole, wrapped, never cut."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            text = command.short_help or (command.help or "").strip().split("\n\n")[0]
            rows.append((name, " ".join(text.split())))
        if rows:
            with formatter.section("Commandes"):
                formatter.write_dl(rows)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        from e4cli.cli.completion import frenchify

        frenchify(self.params)
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        with _french_errors():
            code = super().main(args, prog_name, complete_var, False, **extra)
        sys.exit(code if isinstance(code, int) else 0)


@contextmanager
def _french_errors() -> Iterator[None]:
    try:
        yield
    except NoArgsIsHelpError as exc:  # a bare `e4` or `e4 schema`: the help, already French
        typer.echo(exc.format_message(), err=True)
        sys.exit(exc.exit_code)
    except UsageError as exc:
        _show_usage_error(exc)
    except ClickException as exc:
        typer.echo(f"e4 : {translate_error(exc.format_message())}", err=True)
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("e4 : interrompu.", err=True)
        sys.exit(1)


def _show_usage_error(exc: UsageError) -> NoReturn:
    ctx = exc.ctx
    if ctx is not None:
        typer.echo(ctx.get_usage(), err=True)
        typer.echo(f"Aide\u00a0: {ctx.command_path} --help", err=True)
        typer.echo(err=True)
    typer.echo(f"Erreur\u00a0: {translate_error(exc.format_message())}", err=True)
    sys.exit(exc.exit_code)
