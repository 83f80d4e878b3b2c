"""``record``: the part of :mod:`dataclasses` collectlint uses, built for start-up time.

A clean one-file hook run is mostly start-up, and ``dataclasses`` cost about a quarter of it: importing it
pulls in ``inspect`` (and ``ast``, ``dis``, ``tokenize``), and it compiles every generated method of
every class on its own.  ``record`` generates the same methods (``__init__`` with defaults, default
factories and ``init=False`` fields, ``__post_init__``, ``__repr__``, ``__eq__``, ``__hash__`` and the
frozen ``__setattr__``/``__delattr__``) from one source text per class, compiled once, with no import
beyond the standard ``typing``.  Semantics follow ``dataclasses`` for what is supported: fields are the
class's own annotations in order (no inheritance between records, no ``ClassVar``, no ``slots``); with
``eq`` (the default) a frozen record hashes by its fields and a mutable one is unhashable.

``field``, ``fields`` and ``replace`` mirror their ``dataclasses`` namesakes; the decorator is declared
with ``dataclass_transform`` so type checkers read a record as they read a dataclass.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:
    def dataclass_transform(**_: object) -> Callable[[Any], Any]:
        return lambda decorated: decorated

T = TypeVar("T")


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
FIELDS = "__record_fields__"


class FrozenInstanceError(AttributeError):
    """Assignment to a field of a frozen record."""


class Field:
    """One field of a record: its name, default or default factory, and whether ``__init__`` takes it."""

    __slots__ = ("default", "default_factory", "init", "name")

    def __init__(self, default: Any = MISSING, default_factory: Any = MISSING, init: bool = True) -> None:
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.init = init

    def __repr__(self) -> str:
        return f"Field(name={self.name!r}, init={self.init})"


def field(*, default: Any = MISSING, default_factory: Callable[[], Any] | Any = MISSING, init: bool = True) -> Any:
    """A field's default (``default``) or a callable that makes one per instance (``default_factory``), and
    whether ``__init__`` takes it as a parameter (``init``)."""
    return Field(default, default_factory, init)


def fields(obj: Any) -> tuple[Field, ...]:
    """The fields of a record class or instance, in declaration order."""
    try:
        return tuple(getattr(obj, FIELDS))
    except AttributeError:
        raise TypeError(f"{obj!r} is not a record") from None


def replace(obj: T, /, **changes: Any) -> T:
    """A new record like ``obj`` with ``changes``; fields with ``init=False`` are computed afresh."""
    for f in fields(obj):
        if not f.init:
            if f.name in changes:
                raise ValueError(f"field {f.name} is init=False and cannot be replaced")
        elif f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def _is_classvar(annotation: object) -> bool:
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
    return isinstance(text, str) and text.split("[", 1)[0].strip() in {"ClassVar", "typing.ClassVar"}


def _fields_of(cls: type) -> list[Field]:
    out: list[Field] = []
    # The class's own annotations (``inspect.get_annotations`` would import ``inspect``, which is what a
    # record avoids; with ``from __future__ import annotations`` they are strings, never evaluated).
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():  # noqa: RUF063
        if _is_classvar(annotation):
            continue
        value = cls.__dict__.get(name, MISSING)
        spec = value if isinstance(value, Field) else Field(default=value)
        spec.name = name
        if isinstance(value, Field):
            if spec.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, spec.default)  # as dataclasses: the class attribute is the default
        out.append(spec)
    seen_default = False
    for spec in out:
        if not spec.init:
            continue
        if spec.default is not MISSING or spec.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError(f"non-default argument {spec.name!r} follows default argument in {cls.__qualname__}")
    return out


def _init_source(cls: type, specs: list[Field], frozen: bool) -> str:
    """``__init__`` of a record class as source (names prefixed ``_r_`` come from the namespace ``_process``
    executes it in): the one method whose speed matters at run time, so the one compiled."""
    params, body = ["self"], []
    for i, spec in enumerate(specs):
        if spec.init:
            if spec.default_factory is not MISSING:
                params.append(f"{spec.name}=_r_FACTORY")
                value = f"_r_f{i}() if {spec.name} is _r_FACTORY else {spec.name}"
            elif spec.default is not MISSING:
                params.append(f"{spec.name}=_r_d{i}")
                value = spec.name
            else:
                params.append(spec.name)
                value = spec.name
        elif spec.default_factory is not MISSING:
            value = f"_r_f{i}()"
        elif spec.default is not MISSING:
            value = f"_r_d{i}"
        else:
            continue  # init=False without a default: left for __post_init__
        body.append(f"  _r_set(self, {spec.name!r}, {value})" if frozen else f"  self.{spec.name} = {value}")
    if hasattr(cls, "__post_init__"):
        body.append("  self.__post_init__()")
    return "\n".join([f"def __init__({', '.join(params)}):", *(body or ["  pass"])])


def _methods(cls: type, names: tuple[str, ...], frozen: bool, eq: bool) -> dict[str, Any]:
    """The other methods, as closures over the field names (no compiling): ``values`` reads every field
    in one C call."""
    values = attrgetter(*names) if names else (lambda _: ())

    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in names)
        return f"{self.__class__.__qualname__}({shown})"

    out: dict[str, Any] = {"__repr__": __repr__}
    if eq:
        def __eq__(self: Any, other: object) -> bool:
            if other.__class__ is self.__class__:
                return bool(values(self) == values(other))
            return NotImplemented

        out["__eq__"] = __eq__
        if frozen:
            def __hash__(self: Any) -> int:
                return hash(values(self))

            out["__hash__"] = __hash__
    if frozen:
        fixed = frozenset(names)

        def __setattr__(self: Any, name: str, value: object) -> None:
            if type(self) is cls or name in fixed:
                raise FrozenInstanceError(f"cannot assign to field {name!r}")
            object.__setattr__(self, name, value)  # records have no base but object

        def __delattr__(self: Any, name: str) -> None:
            if type(self) is cls or name in fixed:
                raise FrozenInstanceError(f"cannot delete field {name!r}")
            object.__delattr__(self, name)

        out["__setattr__"], out["__delattr__"] = __setattr__, __delattr__
    return out


def _process(cls: type, frozen: bool, eq: bool) -> type:
    specs = _fields_of(cls)
    namespace: dict[str, Any] = {"_r_FACTORY": MISSING, "_r_set": object.__setattr__}
    for i, spec in enumerate(specs):
        namespace[f"_r_d{i}"] = spec.default
        namespace[f"_r_f{i}"] = spec.default_factory
    exec(compile(_init_source(cls, specs, frozen), f"<record {cls.__qualname__}>", "exec"), namespace)
    methods = {"__init__": namespace["__init__"], **_methods(cls, tuple(s.name for s in specs), frozen, eq)}
    for name, method in methods.items():
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        if name in {"__init__", "__repr__", "__eq__", "__hash__"} and name in cls.__dict__:
            continue  # the class's own method wins, as with dataclasses
        if name in {"__setattr__", "__delattr__"} and name in cls.__dict__:
            raise TypeError(f"cannot overwrite attribute {name} in frozen record {cls.__qualname__}")
        setattr(cls, name, method)
    if eq and not frozen and "__hash__" not in cls.__dict__:
        cls.__hash__ = None  # type: ignore[assignment]  # mutable and compared by value: unhashable
    setattr(cls, FIELDS, tuple(specs))
    return cls


@dataclass_transform(field_specifiers=(field, Field))
def record(cls: type[T] | None = None, /, *, frozen: bool = False, eq: bool = True) -> Any:
    """Make ``cls`` a record (see the module's description); ``@record`` or ``@record(frozen=True)``."""
    def wrap(c: type[T]) -> type[T]:
        return _process(c, frozen, eq)

    return wrap if cls is None else wrap(cls)


__all__ = ["MISSING", "Field", "FrozenInstanceError", "field", "fields", "record", "replace"]
