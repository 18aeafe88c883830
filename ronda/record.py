"""Frozen records with named fields, for the records every command reads.

What ``@dataclass(frozen=True)`` gives (keyword or positional construction, defaults,
equality and hashing by value, a readable ``repr``, no assignment after construction), written
once here instead of generated for each class. A dataclass compiles its methods from source
text when its class is defined, about 1 ms a class at every start of a command; the week view
loads six of them before it has read a byte of the data file. ``_replace`` and ``_fields``
read as they do on a named tuple, the other kind of record ronda uses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

R = TypeVar("R", bound="Record")


class Made:
    """A default made afresh for each record (``Made(dict)``): a mutable default is never
    shared between two records."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


class FrozenRecordError(AttributeError):
    """A field of a record was assigned or deleted after it was made."""


class Record:
    """A frozen value whose fields are its class's annotated attributes, in order; an
    attribute's value in the class body is the field's default."""

    __slots__ = ("__dict__",)
    _fields: ClassVar[tuple[str, ...]] = ()
    _names: ClassVar[frozenset[str]] = frozenset()
    _defaults: ClassVar[dict[str, Any]] = {}
    _made: ClassVar[tuple[tuple[str, Callable[[], Any]], ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names = tuple(n for n, kind in cls.__dict__.get("__annotations__", {}).items()
                      if not str(kind).startswith("ClassVar"))
        defaults = {n: cls.__dict__[n] for n in names if n in cls.__dict__}
        cls._fields, cls._names = names, frozenset(names)
        cls._made = tuple((n, d.make) for n, d in defaults.items() if isinstance(d, Made))
        cls._defaults = {n: d for n, d in defaults.items() if not isinstance(d, Made)}
        for n, _ in cls._made:
            delattr(cls, n)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        fields = self._fields
        if args:
            if len(args) > len(fields):
                raise TypeError(f"{type(self).__name__}() takes {len(fields)} fields, "
                                f"{len(args)} were given")
            values = dict(zip(fields, args, strict=False))  # the rest by keyword or default
            if kwargs:
                if not values.keys().isdisjoint(kwargs):
                    raise TypeError(f"{type(self).__name__}() got a field twice")
                values.update(kwargs)
        else:
            values = kwargs
        if kwargs and not values.keys() <= self._names:
            unknown = ", ".join(sorted(values.keys() - self._names))
            raise TypeError(f"{type(self).__name__}() has no field {unknown}")
        if len(values) < len(fields):
            for name, value in self._defaults.items():
                if name not in values:
                    values[name] = value
            for name, make in self._made:
                if name not in values:
                    values[name] = make()
            if len(values) < len(fields):
                missing = [n for n in fields if n not in values]
                raise TypeError(f"{type(self).__name__}() is missing {', '.join(missing)}")
        object.__setattr__(self, "__dict__", values)

    def _replace(self: R, **changes: Any) -> R:
        """A copy with ``changes`` to some fields."""
        if not changes.keys() <= self._names:
            unknown = ", ".join(sorted(changes.keys() - self._names))
            raise TypeError(f"{type(self).__name__} has no field {unknown}")
        d = self.__dict__
        # what a record worked out for itself (a timetable's windows) stays with it
        values = dict(d) if len(d) == len(self._fields) else {n: d[n] for n in self._fields}
        values.update(changes)
        copy = object.__new__(type(self))
        object.__setattr__(copy, "__dict__", values)
        return copy

    def _values(self) -> tuple[Any, ...]:
        d = self.__dict__
        return tuple(d[n] for n in self._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        d = self.__dict__
        return f"{type(self).__name__}({', '.join(f'{n}={d[n]!r}' for n in self._fields)})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenRecordError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenRecordError(f"cannot delete field {name!r}")


def replace(record: R, **changes: Any) -> R:
    """``record`` with ``changes`` to some fields (as ``dataclasses.replace``)."""
    return record._replace(**changes)
