"""`urllib.parse` for sandbox code: CPython's module run as sandbox Python
(monty/modules/_sandbox/urllib_parse.py): its result classes are sandbox namedtuples, its
work counts against the limits, and its values dump and load with a paused program. The one
piece CPython takes from another module, the IP address check of a bracketed host, is a host
helper on exact, bounded text."""

import ipaddress as _ipaddress

from ._support import exact_str, private_helpers, build_internal, sandbox_source

NAME = "urllib.parse"
PREFIX = "urllib.parse."
EXPORTS = """urlparse urlunparse urljoin urldefrag urlsplit urlunsplit urlencode parse_qs parse_qsl
quote quote_plus quote_from_bytes unquote unquote_plus unquote_to_bytes DefragResult ParseResult
SplitResult DefragResultBytes ParseResultBytes SplitResultBytes uses_relative uses_netloc
uses_params non_hierarchical uses_query uses_fragment scheme_chars unwrap clear_cache""".split()

SOURCE = sandbox_source("urllib_parse")


def _ip_version(hostname):
    text = exact_str(hostname, "address")
    if len(text) > 100:
        raise ValueError(f"{text[:100]!r}... does not appear to be an IPv4 or IPv6 address")
    return _ipaddress.ip_address(text).version


private_helpers(ip_version=_ip_version)


def build(vm):
    return build_internal(vm, NAME, SOURCE, PREFIX, EXPORTS)
