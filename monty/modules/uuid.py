"""`uuid` for sandbox code: uuid4 (random), uuid3/uuid5 (name-based) and the UUID class.
uuid1 is left out: it reads the host's network address."""

import uuid as _u

NAME = "uuid"

_READ = ("bytes", "bytes_le", "clock_seq", "clock_seq_hi_variant", "clock_seq_low", "fields",
         "hex", "int", "node", "time", "time_hi_version", "time_low", "time_mid", "urn",
         "variant", "version")

ATTRIBUTES = {_u.UUID: _READ}
METHODS = {_u.UUID: {}}


def build(vm):
    return {
        "UUID": _u.UUID, "uuid4": _u.uuid4, "uuid3": _u.uuid3, "uuid5": _u.uuid5,
        "NAMESPACE_DNS": _u.NAMESPACE_DNS, "NAMESPACE_URL": _u.NAMESPACE_URL,
        "NAMESPACE_OID": _u.NAMESPACE_OID, "NAMESPACE_X500": _u.NAMESPACE_X500,
        "RESERVED_NCS": _u.RESERVED_NCS, "RFC_4122": _u.RFC_4122,
        "RESERVED_MICROSOFT": _u.RESERVED_MICROSOFT, "RESERVED_FUTURE": _u.RESERVED_FUTURE,
    }
