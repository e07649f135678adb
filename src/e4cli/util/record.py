"""Data classes whose methods are shared, not generated, so that e4 starts fast.

On Python 3.11, `@dataclass` writes the source of `__init__`, `__repr__`,
`__eq__` (and, frozen, `__hash__`, `__setattr__`, `__delattr__`) for every
class and compiles each one with `exec` when the module is imported. For e4's
hundred record types that was 130 ms of a 330 ms `e4 check` start, measured by
timing `dataclasses._process_class` during the imports: more than checking the
dossier itself.

A `@record` class is still a dataclass (`dataclasses.fields`, `replace`,
`asdict`, `is_dataclass` work, and mypy types it as one through
`dataclass_transform`), with the same behaviour: constructor by position or
keyword in field order, `default` and `default_factory`, `init=False` fields
given their default, `__post_init__`, repr, equality and hash over the fields
that ask for them, and `FrozenInstanceError` on assignment when frozen. Its
repr, equality, hash and frozen guard are the few functions below, shared by
every record and driven by per-class field tables computed at decoration; its
`__init__` is generic until the class has been built `COMPILE_AFTER` times in
the run, then compiled for it: only the classes a run builds often pay for
compiling (in one `e4 check`, almost none). What it refuses (keyword-only
fields, `InitVar`, slots, a field without default after one with) is refused at
import, never half-supported.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")

_MISSING: Any = dataclasses.MISSING


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, frozen: bool = True) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(cls: type[T] | None = None, /, *, frozen: bool = True) -> Any:
    """`@dataclass(frozen=True)` (or, `frozen=False`, `@dataclass`) with shared methods."""

    def wrap(target: type[T]) -> type[T]:
        return _build(target, frozen)

    return wrap if cls is None else wrap(cls)


def _build(cls: type[T], frozen: bool) -> type[T]:
    if cls.__dict__.get("__doc__") is None:  # dataclass would call inspect.signature for it
        cls.__doc__ = cls.__name__
    if frozen and any(
        getattr(base, "__record_frozen__", None) is False for base in cls.__mro__[1:]
    ):
        raise TypeError(f"{cls.__qualname__}: a frozen record cannot derive from a mutable one")
    built: Any = dataclasses.dataclass(cls, init=False, repr=False, eq=False)
    fields = dataclasses.fields(built)
    defaulted = False
    for field in fields:
        if field.kw_only is True or isinstance(field.type, dataclasses.InitVar):
            raise TypeError(f"{cls.__qualname__}.{field.name}: not supported by @record")
        if field.init:
            has_default = field.default is not _MISSING or field.default_factory is not _MISSING
            if defaulted and not has_default:
                raise TypeError(f"{cls.__qualname__}.{field.name}: no default after a default")
            defaulted = defaulted or has_default
    table = cls.__dict__
    built.__record_init__ = tuple(
        (f.name, f.default, f.default_factory) for f in fields if f.init
    )
    built.__record_after__ = tuple(
        (f.name, f.default, f.default_factory)
        for f in fields
        if not f.init and (f.default is not _MISSING or f.default_factory is not _MISSING)
    )
    built.__record_repr__ = tuple(f.name for f in fields if f.repr)
    built.__record_compare__ = tuple(f.name for f in fields if f.compare)
    built.__record_hash__ = tuple(
        f.name for f in fields if (f.compare if f.hash is None else f.hash)
    )
    built.__record_frozen__ = frozen
    built.__init__ = _init
    if "__repr__" not in table:
        built.__repr__ = _repr
    if "__eq__" not in table:
        built.__eq__ = _eq
    # as dataclass decides: a hash the class writes itself is kept (Python's implicit
    # None after an __eq__ is not one); else a frozen class hashes its fields and a
    # mutable one is unhashable
    own_hash = table.get("__hash__", _MISSING)
    if own_hash is _MISSING or (own_hash is None and "__eq__" in table):
        built.__hash__ = _hash if frozen else None
    if frozen:
        built.__setattr__ = _frozen_setattr
        built.__delattr__ = _frozen_delattr
    result: type[T] = built
    return result


def is_frozen(cls: type) -> bool:
    """Whether instances of `cls` (a record or a dataclass) refuse assignment."""
    marked = getattr(cls, "__record_frozen__", None)
    if marked is not None:
        return bool(marked)
    params = getattr(cls, "__dataclass_params__", None)
    return bool(params is not None and params.frozen)


class _Factory:
    """The default of a parameter whose field has a `default_factory`."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


COMPILE_AFTER = 50  # constructions of a class before its own __init__ is compiled


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    """A record's `__init__`: generic at first, compiled for a class built often.

    Compiling costs about what fifty generic constructions do, so a class built a
    few times in a run (most of them, in one `e4 check`) never pays for it, and one
    built thousands of times over a class of dossiers runs code as direct as
    dataclass's.
    """
    cls = type(self)
    built = cls.__dict__.get("__record_built__", 0) + 1
    if built > COMPILE_AFTER:
        init = _compiled_init(cls)
        cls.__init__ = init
        init(self, *args, **kwargs)
        return
    type.__setattr__(cls, "__record_built__", built)
    spec = cls.__record_init__
    put = object.__setattr__
    if not kwargs and len(args) == len(spec):  # the common call: every field by position
        for (name, _, _), value in zip(spec, args, strict=True):
            put(self, name, value)
    else:
        if len(args) > len(spec):
            raise TypeError(
                f"{cls.__qualname__}() takes {len(spec)} positional arguments but "
                f"{len(args)} were given"
            )
        for index, (name, default, factory) in enumerate(spec):
            if index < len(args):
                if name in kwargs:
                    raise TypeError(f"{cls.__qualname__}() got multiple values for '{name}'")
                value = args[index]
            elif name in kwargs:
                value = kwargs.pop(name)
            elif default is not _MISSING:
                value = default
            elif factory is not _MISSING:
                value = factory()
            else:
                raise TypeError(f"{cls.__qualname__}() missing required argument: '{name}'")
            put(self, name, value)
        if kwargs:
            raise TypeError(
                f"{cls.__qualname__}() got an unexpected keyword argument '{next(iter(kwargs))}'"
            )
    for name, default, factory in cls.__record_after__:
        put(self, name, default if default is not _MISSING else factory())
    post = getattr(self, "__post_init__", None)
    if post is not None:
        post()


def _compiled_init(cls: type) -> Callable[..., None]:
    spec: tuple[tuple[str, Any, Any], ...] = cls.__record_init__  # type: ignore[attr-defined]
    after: tuple[tuple[str, Any, Any], ...] = cls.__record_after__  # type: ignore[attr-defined]
    scope: dict[str, Any] = {"_set": object.__setattr__, "_FACTORY": _FACTORY}
    params, body = ["self"], []
    for index, (name, default, factory) in enumerate(spec):
        if default is not _MISSING:
            scope[f"_d{index}"] = default
            params.append(f"{name}=_d{index}")
            body.append(f"_set(self, {name!r}, {name})")
        elif factory is not _MISSING:
            scope[f"_f{index}"] = factory
            params.append(f"{name}=_FACTORY")
            body.append(f"_set(self, {name!r}, _f{index}() if {name} is _FACTORY else {name})")
        else:
            params.append(name)
            body.append(f"_set(self, {name!r}, {name})")
    for index, (name, default, factory) in enumerate(after):
        if default is not _MISSING:
            scope[f"_a{index}"] = default
            body.append(f"_set(self, {name!r}, _a{index})")
        else:
            scope[f"_a{index}"] = factory
            body.append(f"_set(self, {name!r}, _a{index}())")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    lines = "".join(f"    {line}\n" for line in body or ["pass"])
    exec(f"def __init__({', '.join(params)}) -> None:\n{lines}", scope)
    init: Callable[..., None] = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


@reprlib.recursive_repr()
def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in type(self).__record_repr__)
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: Any) -> Any:  # bool, or NotImplemented for another class
    if other.__class__ is not self.__class__:
        return NotImplemented
    names = type(self).__record_compare__
    mine = tuple(getattr(self, n) for n in names)
    return mine == tuple(getattr(other, n) for n in names)


def _hash(self: Any) -> int:
    return hash(tuple(getattr(self, name) for name in type(self).__record_hash__))


def _frozen_setattr(self: Any, name: str, value: object) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
