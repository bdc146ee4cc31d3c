"""`enum` for sandbox code: Enum, IntEnum, StrEnum, Flag, IntFlag, auto and unique.

CPython's own enum machinery cannot be handed out: sandbox classes are built from a plain
namespace dict (which EnumType's __new__ does not accept), and everything non-dunder reachable
on a sandbox class is readable, which for CPython's EnumType includes helpers that read host
modules (`_convert_`). This is a small implementation of the same behaviour whose every
attribute is safe to reach. Not supported: the functional API (`Enum('Name', 'A B')`),
custom `__new__` in enum classes, Flag boundaries other than CPython's defaults.
"""

NAME = "enum"

# The classes and functions here are shared by every sandbox of the process: sandbox code can
# neither set nor delete their attributes (EnumType.__setattr__ refuses, and their member
# tables are read-only), nor derive a metaclass from EnumType. Hooks the sandbox defines on its
# own enum classes (_generate_next_value_, _missing_, __init__, __str__...) are sandbox
# functions: called from here they run in the VM, under the run's limits. Work over a
# sandbox-sized number of members is charged.

from types import MappingProxyType as _MappingProxy

_MISSING = object()
_READY = False       # True once this module's own classes are defined
_SHARED_BASES = ()   # the module's classes a class statement may derive from (set below)
_MIXINS = (object, int, str, float)


def _register_metaclass():
    """Enum classes are sandbox classes whose metaclass is EnumType: the sandbox's attribute
    rules apply to them (member reads, iteration) only when the metaclass is known as one."""
    from monty import _core
    _core._sandbox_classes.add(EnumType)


class auto:
    """Stands for the next value (`_generate_next_value_`) in an enum class body."""

    __slots__ = ("value",)

    def __init__(self):
        self.value = _MISSING

    def __repr__(self):
        return "auto(...)"


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_" and name[-2] != "_"


def _is_descriptor(value):
    t = type(value)
    return hasattr(t, "__get__") or hasattr(t, "__set__") or hasattr(t, "__delete__")


class EnumType(type):
    """The metaclass of enum classes (enum.EnumType)."""

    def __new__(mcls, name, bases, ns, **kwargs):
        if _READY:
            # sandbox code reaches this for class statements, and could call it directly:
            # either way only the bases a class statement may use are accepted
            if kwargs:
                raise TypeError("enum classes take no keyword arguments in the sandbox")
            if type(name) is not str or type(ns) is not dict or type(bases) is not tuple:
                raise TypeError("EnumType() arguments must be (str, tuple, dict)")
            if ns.get("__monty_class__") is not True:
                raise TypeError("enum classes are made with a class statement in the sandbox")
            # a direct EnumType(name, bases, ns) call gets type()'s namespace rules: exact str
            # names (a str subclass's methods are the sandbox's), no finalizer
            ns = dict(ns)
            ns.pop("__del__", None)
            for key in ns:
                if type(key) is not str:
                    raise TypeError("enum class attribute names must be str")
            allowed = _sandbox_bases()
            for base in bases:
                if not (isinstance(base, type) and (base in allowed or base in _MIXINS
                                                    or base in _SHARED_BASES)):
                    raise TypeError(f"cannot derive a sandbox class from {base!r}")
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError(f"{_cls_repr_name(name)} cannot extend {base!r}")
        if "__new__" in ns and any(isinstance(b, EnumType) for b in bases):
            raise TypeError("enum classes with their own __new__ are not supported in the sandbox")
        members, body = [], {}
        ignore = ns.get("_ignore_", ())
        if isinstance(ignore, str):
            ignore = ignore.replace(",", " ").split()
        for key, value in ns.items():
            if key in ignore or key == "_ignore_":
                continue
            if (_is_dunder(key) or _is_sunder(key) or key.startswith(f"_{name}__")
                    or _is_descriptor(value) or not isinstance(key, str)):
                body[key] = value
            else:
                members.append((key, value))
        body["_member_names_"] = []
        body["_member_map_"] = {}
        body["_value2member_map_"] = {}
        cls = super().__new__(mcls, name, bases, body, **kwargs)
        if not any(isinstance(b, EnumType) for b in bases):
            return cls            # Enum itself
        mixin = _mixin_type(cls)
        if "__monty_class__" in body:
            # a class of the sandbox's: its members' own __init__ sets their attributes
            _sandbox_bases().add(cls)
        values = []
        for key, value in members:
            if isinstance(value, auto):
                if value.value is _MISSING:
                    value.value = cls._generate_next_value_(key, 1, len(cls._member_names_),
                                                            list(values))
                value = value.value
            values.append(value)
            args = value if isinstance(value, tuple) else (value,)
            if mixin is object:
                member = object.__new__(cls)
            else:
                member = mixin.__new__(cls, *args)
            member._name_ = key
            member._value_ = value if mixin is object else (
                mixin(*args) if not isinstance(value, mixin) else value)
            init = getattr(cls, "__init__", None)
            if init is not None and init is not Enum.__init__:
                init(member, *args)
            existing = _find_value(cls, member._value_)
            if existing is not None:
                member = existing
            else:
                cls._member_names_.append(key)
                try:
                    cls._value2member_map_.setdefault(member._value_, member)
                except TypeError:
                    pass
            cls._member_map_[key] = member
            type.__setattr__(cls, key, member)
        return cls

    def __call__(cls, value, *args, **kwargs):
        if args or kwargs:
            raise TypeError("the functional enum API is not supported in the sandbox")
        if isinstance(value, cls):
            return value
        member = _find_value(cls, value)
        if member is not None:
            return member
        missing = cls._missing_(value)
        if isinstance(missing, cls):
            return missing
        if missing is not None:
            raise TypeError(f"error in {cls.__name__}._missing_: returned {missing!r} instead "
                            f"of None or a valid member")
        raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        _charge(len(cls._member_names_))
        return iter([cls._member_map_[name] for name in _canonical_names(cls)])

    def __reversed__(cls):
        _charge(len(cls._member_names_))
        return iter([cls._member_map_[name] for name in reversed(_canonical_names(cls))])

    def __len__(cls):
        return len(_canonical_names(cls))

    def __contains__(cls, value):
        if isinstance(value, cls):
            return True
        return _find_value(cls, value) is not None

    def __bool__(cls):
        return True

    def __repr__(cls):
        return f"<enum {cls.__name__!r}>"

    def __init_subclass__(mcls, **kwargs):
        if _READY:
            raise TypeError("enum.EnumType cannot be subclassed in the sandbox")
        super().__init_subclass__(**kwargs)

    def __setattr__(cls, name, value):
        _check_own(cls)
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError(f"cannot reassign member {name!r}")
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        _check_own(cls)
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError(f"{cls.__name__}: cannot delete Enum member.")
        super().__delattr__(name)

    @property
    def __members__(cls):
        _charge(len(cls._member_map_))
        return dict(cls._member_map_)

    def mro(cls):
        return type.mro(cls)

    # read through the metaclass, so that the sandbox's rules for class dunders find them
    __name__ = property(lambda cls: type.__dict__["__name__"].__get__(cls))


def _canonical_names(cls):
    """The members a class iterates over: for a Flag, those of a single bit (CPython 3.11
    leaves out aliases and multi-bit members)."""
    names = cls._member_names_
    if _READY and issubclass(cls, Flag):
        return [n for n in names if _is_single_bit(cls._member_map_[n]._value_)]
    return names


def _charge(n):
    from monty import _core
    _core.charge(n)


def _check_own(cls):
    """The module's own classes (shared by every sandbox of the process) are read-only."""
    if _READY and cls in _SHARED:
        raise TypeError(f"cannot set attributes of the shared class {cls.__name__!r}")


def _find_value(cls, value):
    """The member of `cls` whose value equals `value`, or None: CPython's hashed lookup, and
    for an unhashable value its scan over the members, charged per member."""
    try:
        return cls._value2member_map_[value]
    except KeyError:
        return None
    except TypeError:
        pass
    members = cls._member_map_
    _charge(len(members))
    for member in list(members.values()):
        if member._value_ == value:
            return member
    return None


def _cls_repr_name(name):
    return f"<enum {name!r}>"


def _mixin_type(cls):
    for klass in cls.__mro__[1:]:
        if klass is object or isinstance(klass, EnumType):
            continue
        if klass in (int, str, float):
            return klass
        if klass in _sandbox_bases():
            continue
        raise TypeError("only int, str and float can be mixed into enums in the sandbox")
    return object


def _sandbox_bases():
    from monty import _core
    return _core._sandbox_classes


class Enum(metaclass=EnumType):
    """Base class of enumerations (enum.Enum)."""

    def __init__(self, *args, **kwargs):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for last in reversed(last_values):
            try:
                return last + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce__(self):
        return (type(self), (self._value_,))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class IntEnum(int, Enum):
    """Enum whose members are also ints (enum.IntEnum)."""

    __repr__ = Enum.__repr__
    __str__ = int.__repr__
    __format__ = int.__format__

    def __init__(self, *args, **kwargs):
        pass


class StrEnum(str, Enum):
    """Enum whose members are also strs (enum.StrEnum)."""

    __repr__ = Enum.__repr__
    __str__ = str.__str__
    __format__ = str.__format__

    def __init__(self, *args, **kwargs):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _is_single_bit(v):
    return type(v) is int and v > 0 and v & (v - 1) == 0


def _flag_value(cls, other):
    """`other`'s value for a bitwise operator with a member of `cls`, or None."""
    if isinstance(other, cls):
        return other._value_
    if issubclass(cls, int) and isinstance(other, int) and not isinstance(other, Enum):
        return int(other)
    return None


class Flag(Enum):
    """Enum whose members combine with the bitwise operators (enum.Flag)."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last = last_values[-1]
        if not isinstance(last, int):
            raise TypeError(f"invalid flag value {last!r}")
        return 2 ** last.bit_length() if last > 0 else 1

    @classmethod
    def _flag_mask_(cls):
        mask = 0
        for name in cls._member_names_:
            v = cls._member_map_[name]._value_
            if isinstance(v, int):
                mask |= v
        return mask

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int) or isinstance(value, bool) and False:
            return None
        value = int(value)
        mask = cls._flag_mask_()
        is_int = issubclass(cls, int)
        if value < 0:
            if not is_int:
                return None
            value = value & mask if value & ~mask == ~mask else value
        extra = value & ~mask
        if extra and not is_int:
            raise ValueError(f"{cls!r} invalid value {value}\n    given {bin(value)}\n"
                             f"  allowed {bin(mask)}")
        _charge(len(cls._member_names_))
        names = [name for name in cls._member_names_
                 if _is_single_bit(cls._member_map_[name]._value_)
                 and value & cls._member_map_[name]._value_]
        if extra:
            names.append(str(extra))
        member = int.__new__(cls, value) if is_int else object.__new__(cls)
        member._name_ = "|".join(names) if names else None
        member._value_ = value
        return cls._value2member_map_.setdefault(value, member)

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError(f"unsupported operand type(s) for 'in': '{type(other).__qualname__}'"
                            f" and '{type(self).__qualname__}'")
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        cls = type(self)
        _charge(len(cls._member_names_))
        return iter([cls._member_map_[name] for name in cls._member_names_
                     if _is_single_bit(cls._member_map_[name]._value_)
                     and self._value_ & cls._member_map_[name]._value_])

    def __len__(self):
        return bin(self._value_).count("1")

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        v = _flag_value(type(self), other)
        if v is None:
            return NotImplemented
        return type(self)(self._value_ | v)

    def __and__(self, other):
        v = _flag_value(type(self), other)
        if v is None:
            return NotImplemented
        return type(self)(self._value_ & v)

    def __xor__(self, other):
        v = _flag_value(type(self), other)
        if v is None:
            return NotImplemented
        return type(self)(self._value_ ^ v)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        cls = type(self)
        return cls(cls._flag_mask_() & ~self._value_)

    def __repr__(self):
        if self._name_ is None:
            return f"<{type(self).__name__}: {self._value_!r}>"
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        if self._name_ is None:
            return f"{type(self).__name__}({self._value_!r})"
        return f"{type(self).__name__}.{self._name_}"


class IntFlag(int, Flag):
    """Flag whose members are also ints (enum.IntFlag)."""

    __repr__ = Flag.__repr__
    __str__ = int.__repr__
    __format__ = int.__format__
    __or__ = __ror__ = Flag.__or__
    __and__ = __rand__ = Flag.__and__
    __xor__ = __rxor__ = Flag.__xor__
    __invert__ = Flag.__invert__

    def __init__(self, *args, **kwargs):
        pass


# the base classes' own __init__ stands for "no __init__"
_BASE_INITS = (Enum.__init__, IntEnum.__init__, StrEnum.__init__, IntFlag.__init__)
Enum.__init__ = IntEnum.__init__ = StrEnum.__init__ = IntFlag.__init__ = Enum.__dict__["__init__"]
for _c in (IntEnum, StrEnum, Flag, IntFlag):
    type.__setattr__(_c, "_member_names_", [])


def unique(enumeration):
    """Class decorator: no two members of `enumeration` may have the same value."""
    _charge(len(enumeration._member_map_))
    duplicates = [(name, member.name) for name, member in enumeration._member_map_.items()
                  if name != member.name]
    if duplicates:
        text = ", ".join(f"{alias} -> {name}" for alias, name in duplicates)
        raise ValueError(f"duplicate values found in {enumeration!r}: {text}")
    return enumeration


for _c in (EnumType, Enum, IntEnum, StrEnum, Flag, IntFlag):
    _c.__module__ = "enum"
EnumMeta = EnumType
# the base classes' member tables, read-only (no sandbox class adds to them)
for _c in (Enum, IntEnum, StrEnum, Flag, IntFlag):
    type.__setattr__(_c, "_member_names_", ())
    type.__setattr__(_c, "_member_map_", _MappingProxy({}))
    type.__setattr__(_c, "_value2member_map_", _MappingProxy({}))
_SHARED = frozenset((Enum, IntEnum, StrEnum, Flag, IntFlag))
_SHARED_BASES = tuple(_SHARED)
_READY = True

TYPES = (Enum, IntEnum, StrEnum, Flag, IntFlag)


def build(vm):
    _register_metaclass()
    return {"Enum": Enum, "IntEnum": IntEnum, "StrEnum": StrEnum, "auto": auto,
            "Flag": Flag, "IntFlag": IntFlag,
            "unique": unique, "EnumType": EnumType, "EnumMeta": EnumType}


# how snapshots keep auto() (see monty/snapshot.py)
SNAPSHOT_FIELDS = {auto: {"value": "any"}}
SNAPSHOT_NAMED = {"missing": _MISSING}
