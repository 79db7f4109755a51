"""Help that reads as words: every option and argument gets a plain metavar (TEXT, N, PATH, DATE, ID…).

Typer derives metavars from Python types (`<str>`, `<list[str]>`, `{ID}`); analysts should not have to
read Python. The group class below gives every command's parameters plain names when Click looks
the command up, so commands added later get them too.
"""

from __future__ import annotations

import enum
import typing
from pathlib import Path
from typing import Any

import typer.core
from typer.core import _click

UsageError = _click.exceptions.UsageError

DATE_OPTIONS = frozenset({"since", "until", "published"})
NAMED = {"db": "PATH|URL", "analyst": "NAME", "assignee": "NAME", "assign": "NAME", "claimant": "NAME",
         "outlet": "NAME", "url": "URL", "urls": "FILE", "file": "FILE", "out": "FILE", "output": "FILE"}
_WORDS: dict[Any, str] = {str: "TEXT", int: "N", float: "NUMBER", Path: "PATH"}


def _base_annotation(annotation: Any) -> Any:
    """`list[str] | None` → str; `Path | None` → Path."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    origin = typing.get_origin(annotation)
    if origin is list and args:
        return _base_annotation(args[0])
    if args and origin is not None and origin is not list:
        return _base_annotation(args[0])
    return annotation


def metavar_for(param: Any) -> str:
    """A plain word for a parameter's value."""
    name = (param.name or "").lower()
    if name in DATE_OPTIONS:
        return "DATE"
    if name in NAMED:
        return NAMED[name]
    descriptor = getattr(param, "type_descriptor", None)
    annotation = _base_annotation(getattr(descriptor, "annotation", None))
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return "|".join(str(member.value) for member in annotation)
    if name.endswith("_id") or name in {"claim", "document"}:
        return "ID"
    return _WORDS.get(annotation, "TEXT")


class _PlainArgument(typer.core.TyperArgument):
    """An argument shown as ID (required), [ID] (optional) or ID... (several) in the usage line."""

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        name = name if self.required else f"[{name}]"
        return name + ("..." if self.nargs != 1 else "")

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


def plain_metavars(command: Any) -> Any:
    """Give every parameter of `command` a plain metavar (idempotent)."""
    for param in command.params:
        if isinstance(param, typer.core.TyperArgument):
            if param.metavar is None:
                param.metavar = (param.name or "value").upper()
            param.__class__ = _PlainArgument
        elif isinstance(param, typer.core.TyperOption) and not param.is_flag and param.metavar is None:
            param.metavar = metavar_for(param)
    return command


class PlainHelpGroup(typer.core.TyperGroup):
    """A Typer group whose commands (and their subcommands) show plain metavars."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        return None if command is None else plain_metavars(command)

    def get_params(self, ctx: Any) -> Any:
        plain_metavars(self)
        return super().get_params(ctx)


def usage_message(exc: Any) -> str:
    """A usage error as one sentence, without the validation library's prefixes."""
    message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
    for library_words, plain in _PLAIN_WORDS.items():
        message = message.replace(library_words, plain)
    command = exc.ctx.command_path if getattr(exc, "ctx", None) is not None else "claimtrack"
    return f"{message[:1].lower()}{message[1:].rstrip('.')}; see `{command} --help`"


_PLAIN_WORDS = {
    "Value error, ": "",
    "Assertion failed, ": "",
    "Input should be a valid integer, unable to parse string as an integer": "expected a whole number",
    "Input should be a valid number, unable to parse string as a number": "expected a number",
    "Input should be a valid integer": "expected a whole number",
}
