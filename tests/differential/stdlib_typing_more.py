# typing get_origin and get_args
import typing
from typing import List, Dict, Optional, Union, Callable, Tuple, Literal, Annotated
[typing.get_origin(List[int]) is list, typing.get_args(Dict[str, int]) == (str, int), typing.get_args(Optional[int]) == (int, type(None)), typing.get_origin(Union[int, str]) is Union, typing.get_args(Callable[[int], str]) == ([int], str), typing.get_args(Tuple[int, ...]) == (int, ...), typing.get_args(Literal['a', 'b']), typing.get_origin(int), typing.get_args(int), typing.get_origin(list[int]) is list, typing.get_args(int | str) == (int, str), typing.get_origin(Annotated[int, 'meta']) is Annotated]
# ---
# typing get_type_hints of classes and functions
import typing
from typing import Optional, List
class Base:
    a: int
    b: 'str'
class Child(Base):
    c: List[int]
    d: Optional[float] = None
hints = typing.get_type_hints(Child)
[list(hints), hints['a'] is int, hints['b'] is str, hints['c'] == List[int], hints['d'] == Optional[float], typing.get_type_hints(Base) == {'a': int, 'b': str}]
