"""csv for sandbox code, in sandbox Python: the reader and writer of CPython's _csv (its
state machine, ported), and csv.py's DictReader, DictWriter and Sniffer (see
monty/modules/csv.py for how it is loaded and exported)."""

import re
from io import StringIO

__version__ = '1.0'
QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)


class Error(Exception):
    __module__ = '_csv'


_limit = [131072]
_dialects = {}


def field_size_limit(*args):
    if len(args) > 1:
        raise TypeError(f'field_size_limit expected at most 1 argument, got {len(args)}')
    old = _limit[0]
    if args:
        new = args[0]
        if not isinstance(new, int):
            raise TypeError('limit must be an integer')
        _limit[0] = int(new)
    return old


_ATTRS = ('delimiter', 'doublequote', 'escapechar', 'lineterminator', 'quotechar', 'quoting',
          'skipinitialspace', 'strict')


def _char(name, value, default, allow_none):
    if value is _MISSING:
        return default
    if value is None and allow_none:
        return None
    if not isinstance(value, str):
        if allow_none:
            raise TypeError(f'"{name}" must be string or None, not {type(value).__name__}')
        raise TypeError(f'"{name}" must be string, not {type(value).__name__}')
    if len(value) != 1:
        raise TypeError(f'"{name}" must be a 1-character string')
    return str(value)


class _Missing:
    pass


_MISSING = _Missing()


class _Dialect:
    """_csv.Dialect: the validated, read-only parameters of a reader or writer."""
    __module__ = '_csv'
    __qualname__ = 'Dialect'
    __slots__ = ('_p',)

    def __init__(self, dialect=None, **kwargs):
        for k in kwargs:
            if k not in _ATTRS:
                raise TypeError(f"'{k}' is an invalid keyword argument for this function")
        if dialect is not None:
            if isinstance(dialect, str):
                dialect = get_dialect(dialect)
        p = {}
        for name in _ATTRS:
            value = kwargs.get(name, _MISSING)
            if value is _MISSING and dialect is not None:
                value = getattr(dialect, name, _MISSING)
            p[name] = value
        delimiter = _char('delimiter', p['delimiter'], ',', False)
        escapechar = _char('escapechar', p['escapechar'], None, True)
        quotechar = _char('quotechar', p['quotechar'], '"', True)
        quoting = p['quoting']
        if quoting is _MISSING:
            quoting = QUOTE_MINIMAL
        if not isinstance(quoting, int):
            raise TypeError('"quoting" must be an integer')
        if quoting not in (0, 1, 2, 3):
            raise TypeError('bad "quoting" value')
        lineterminator = p['lineterminator']
        if lineterminator is _MISSING:
            lineterminator = '\r\n'
        elif not isinstance(lineterminator, str):
            raise TypeError('"lineterminator" must be a string')
        if quoting != QUOTE_NONE and quotechar is None and p['quotechar'] is not _MISSING:
            raise TypeError('quotechar must be set if quoting enabled')
        doublequote = p['doublequote']
        doublequote = True if doublequote is _MISSING else bool(doublequote)
        skipinitialspace = p['skipinitialspace']
        skipinitialspace = False if skipinitialspace is _MISSING else bool(skipinitialspace)
        strict = p['strict']
        strict = False if strict is _MISSING else bool(strict)
        self._p = (delimiter, doublequote, escapechar, str(lineterminator), quotechar,
                   int(quoting), skipinitialspace, strict)

    delimiter = property(lambda self: self._p[0])
    doublequote = property(lambda self: self._p[1])
    escapechar = property(lambda self: self._p[2])
    lineterminator = property(lambda self: self._p[3])
    quotechar = property(lambda self: self._p[4])
    quoting = property(lambda self: self._p[5])
    skipinitialspace = property(lambda self: self._p[6])
    strict = property(lambda self: self._p[7])


def _call_dialect(dialect, kwargs):
    if dialect is None:
        return _Dialect(None, **kwargs)
    if type(dialect) is _Dialect and not kwargs:
        return dialect
    return _Dialect(dialect, **kwargs)


def register_dialect(name, dialect=None, **kwargs):
    if not isinstance(name, str):
        raise TypeError('dialect name must be a string')
    _dialects[str(name)] = _call_dialect(dialect, kwargs)


def unregister_dialect(name):
    if name not in _dialects:
        raise Error('unknown dialect')
    del _dialects[name]


def get_dialect(name):
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error('unknown dialect') from None


def list_dialects():
    return list(_dialects)


_START_RECORD, _START_FIELD, _ESCAPED_CHAR, _IN_FIELD, _IN_QUOTED_FIELD = range(5)
_ESCAPE_IN_QUOTED_FIELD, _QUOTE_IN_QUOTED_FIELD, _EAT_CRNL, _AFTER_ESCAPED_CRNL = range(5, 9)


class Reader:
    __module__ = '_csv'
    __qualname__ = 'reader'

    def __init__(self, iterable, dialect, kwargs):
        try:
            self._it = iter(iterable)
        except TypeError:
            raise TypeError('argument 1 must be an iterator') from None
        self.dialect = _call_dialect(dialect, kwargs)
        self.line_num = 0

    def __iter__(self):
        return self

    def __next__(self):
        d = self.dialect._p
        delim, doublequote, esc, _, quote, quoting, skipspace, strict = d
        if quoting == QUOTE_NONE:
            quote = None
        limit = _limit[0]
        fields = []
        field = []
        numeric = False
        state = _START_RECORD
        while True:
            try:
                line = next(self._it)
            except StopIteration:
                if field or state == _IN_QUOTED_FIELD:
                    if strict:
                        raise Error('unexpected end of data') from None
                    _save(fields, field, numeric)
                    return fields
                raise
            if not isinstance(line, str):
                raise Error(f'iterator should return strings, not {type(line).__name__} '
                            f'(the file should be opened in text mode)')
            self.line_num += 1
            if state == _START_RECORD and not skipspace and esc is None:
                # fast path: a record on one line, read field by field with str.find
                body = line
                if body.endswith('\n'):
                    body = body[:-1]
                if body.endswith('\r'):
                    body = body[:-1]
                if '\r' not in body and '\n' not in body:
                    if not body:
                        return []
                    fields = _fast_fields(body, delim, quote, doublequote, limit,
                                          quoting == QUOTE_NONNUMERIC)
                    if fields is not None:
                        return fields
                    fields = []
            for c in line:
                if state == _IN_FIELD:
                    if c == '\n' or c == '\r':
                        numeric = _save(fields, field, numeric)
                        field = []
                        state = _EAT_CRNL
                    elif c == esc:
                        state = _ESCAPED_CHAR
                    elif c == delim:
                        numeric = _save(fields, field, numeric)
                        field = []
                        state = _START_FIELD
                    else:
                        if len(field) >= limit:
                            raise Error(f'field larger than field limit ({limit})')
                        field.append(c)
                    continue
                if state == _IN_QUOTED_FIELD:
                    if c == esc:
                        state = _ESCAPE_IN_QUOTED_FIELD
                    elif c == quote:
                        state = _QUOTE_IN_QUOTED_FIELD if doublequote else _IN_FIELD
                    else:
                        if len(field) >= limit:
                            raise Error(f'field larger than field limit ({limit})')
                        field.append(c)
                    continue
                if state == _START_RECORD:
                    if c == '\n' or c == '\r':
                        state = _EAT_CRNL
                        continue
                    state = _START_FIELD
                if state == _START_FIELD:
                    if c == '\n' or c == '\r':
                        numeric = _save(fields, field, numeric)
                        field = []
                        state = _EAT_CRNL
                    elif c == quote:
                        state = _IN_QUOTED_FIELD
                    elif c == esc:
                        state = _ESCAPED_CHAR
                    elif c == ' ' and skipspace:
                        pass
                    elif c == delim:
                        numeric = _save(fields, field, numeric)
                        field = []
                    else:
                        numeric = quoting == QUOTE_NONNUMERIC
                        field.append(c)
                        state = _IN_FIELD
                elif state == _ESCAPED_CHAR:
                    if len(field) >= limit:
                        raise Error(f'field larger than field limit ({limit})')
                    field.append(c)
                    state = _AFTER_ESCAPED_CRNL if c == '\n' or c == '\r' else _IN_FIELD
                elif state == _AFTER_ESCAPED_CRNL:
                    state = _IN_FIELD
                    if c == '\n' or c == '\r':
                        numeric = _save(fields, field, numeric)
                        field = []
                        state = _EAT_CRNL
                    elif c == esc:
                        state = _ESCAPED_CHAR
                    elif c == delim:
                        numeric = _save(fields, field, numeric)
                        field = []
                        state = _START_FIELD
                    else:
                        field.append(c)
                elif state == _ESCAPE_IN_QUOTED_FIELD:
                    if len(field) >= limit:
                        raise Error(f'field larger than field limit ({limit})')
                    field.append(c)
                    state = _IN_QUOTED_FIELD
                elif state == _QUOTE_IN_QUOTED_FIELD:
                    if c == quote:
                        field.append(c)
                        state = _IN_QUOTED_FIELD
                    elif c == delim:
                        numeric = _save(fields, field, numeric)
                        field = []
                        state = _START_FIELD
                    elif c == '\n' or c == '\r':
                        numeric = _save(fields, field, numeric)
                        field = []
                        state = _EAT_CRNL
                    elif not strict:
                        field.append(c)
                        state = _IN_FIELD
                    else:
                        raise Error(f"'{delim}' expected after '{quote}'")
                elif state == _EAT_CRNL:
                    if c != '\n' and c != '\r':
                        raise Error('new-line character seen in unquoted field - do you need '
                                    'to open the file in universal-newline mode?')
            # the end of the line
            if state == _START_RECORD or state == _EAT_CRNL:
                return fields
            if state == _START_FIELD or state == _IN_FIELD or state == _QUOTE_IN_QUOTED_FIELD or (
                    state == _AFTER_ESCAPED_CRNL):
                _save(fields, field, numeric)
                return fields
            if state == _ESCAPED_CHAR:
                field.append('\n')
                state = _IN_FIELD
            elif state == _ESCAPE_IN_QUOTED_FIELD:
                field.append('\n')
                state = _IN_QUOTED_FIELD


def _fast_fields(body, delim, quote, doublequote, limit, nonnumeric):
    """The fields of one line holding a whole record without escapes, or None when the line
    needs the state machine (a quoted field that does not end on it, text after a closing
    quote)."""
    fields = []
    pos = 0
    n = len(body)
    while True:
        if quote is not None and pos < n and body[pos] == quote:
            parts = []
            start = pos + 1
            while True:
                j = body.find(quote, start)
                if j < 0:
                    return None
                parts.append(body[start:j])
                if doublequote and j + 1 < n and body[j + 1] == quote:
                    parts.append(quote)
                    start = j + 2
                    continue
                break
            field = ''.join(parts)
            if len(field) > limit:
                raise Error(f'field larger than field limit ({limit})')
            fields.append(field)
            pos = j + 1
            if pos == n:
                return fields
            if body[pos] != delim:
                return None
            pos += 1
        else:
            j = body.find(delim, pos)
            field = body[pos:] if j < 0 else body[pos:j]
            if len(field) > limit:
                raise Error(f'field larger than field limit ({limit})')
            fields.append(float(field) if nonnumeric and field else field)
            if j < 0:
                return fields
            pos = j + 1


def _save(fields, field, numeric):
    text = ''.join(field)
    fields.append(float(text) if numeric else text)
    return False


def reader(iterable, dialect='excel', **kwargs):
    return Reader(iterable, dialect, kwargs)


def _is_number(x):
    return isinstance(x, (int, float, complex)) or hasattr(x, '__float__') or hasattr(x, '__index__')


class Writer:
    __module__ = '_csv'
    __qualname__ = 'writer'

    def __init__(self, f, dialect, kwargs):
        self._write = getattr(f, 'write', None)
        if self._write is None or not callable(self._write):
            raise TypeError('argument 1 must have a "write" method')
        self.dialect = _call_dialect(dialect, kwargs)
        delim, _, esc, term, quote, _, _, _ = self.dialect._p
        special = {delim}
        for ch in term:
            special.add(ch)
        if esc is not None:
            special.add(esc)
        if quote is not None:
            special.add(quote)
        self._special = special

    def writerow(self, row):
        delim, doublequote, esc, term, quote, quoting, _, _ = self.dialect._p
        special = self._special
        try:
            items = iter(row)
        except TypeError:
            raise Error(f'iterable expected, not {type(row).__name__}') from None
        out = []
        n = 0
        for field in items:
            n += 1
            if quoting == QUOTE_NONNUMERIC:
                quoted = not _is_number(field)
            else:
                quoted = quoting == QUOTE_ALL
            text = '' if field is None else field if type(field) is str else str(field)
            if _has_special(text, special):
                chars = []
                for c in text:
                    if c in special:
                        want_escape = False
                        if quoting == QUOTE_NONE:
                            want_escape = True
                        else:
                            if c == quote:
                                if doublequote:
                                    chars.append(quote)
                                else:
                                    want_escape = True
                            elif c == esc:
                                want_escape = True
                            if not want_escape:
                                quoted = True
                        if want_escape:
                            if esc is None:
                                raise Error('need to escape, but no escapechar set')
                            chars.append(esc)
                    chars.append(c)
                text = ''.join(chars)
            if quoted:
                if quote is None:
                    raise Error('need to escape, but no escapechar set')
                text = quote + text + quote
            out.append(text)
        if n == 1 and out[0] == '':
            if quoting == QUOTE_NONE:
                raise Error('single empty field record must be quoted')
            out[0] = quote + quote
        return self._write(delim.join(out) + term)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def _has_special(text, special):
    for c in special:
        if c in text:
            return True
    return False


def writer(f, dialect='excel', **kwargs):
    return Writer(f, dialect, kwargs)


class Dialect:
    """Describe a CSV dialect.

    This must be subclassed (see csv.excel).  Valid attributes are:
    delimiter, quotechar, escapechar, doublequote, skipinitialspace,
    lineterminator, quoting.

    """
    _name = ""
    _valid = False
    # placeholders
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None

    def __init__(self):
        if type(self) is not Dialect:
            self._valid = True
        self._validate()

    def _validate(self):
        try:
            _Dialect(self)
        except TypeError as e:
            raise Error(str(e))


class excel(Dialect):
    """Describe the usual properties of Excel-generated CSV files."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\r\n'
    quoting = QUOTE_MINIMAL


register_dialect("excel", excel)


class excel_tab(excel):
    """Describe the usual properties of Excel-generated TAB-delimited files."""
    delimiter = '\t'


register_dialect("excel-tab", excel_tab)


class unix_dialect(Dialect):
    """Describe the usual properties of Unix-generated CSV files."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = QUOTE_ALL


register_dialect("unix", unix_dialect)


class DictReader:
    def __init__(self, f, fieldnames=None, restkey=None, restval=None,
                 dialect="excel", *args, **kwds):
        self._fieldnames = fieldnames   # list of keys for the dict
        self.restkey = restkey          # key to catch long rows
        self.restval = restval          # default value for short rows
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            # Used only for its side effect.
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num

        # unlike the basic reader, we prefer not to return blanks,
        # because we will typically wind up with a dict full of None
        # values
        while row == []:
            row = next(self.reader)
        d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d


class DictWriter:
    def __init__(self, f, fieldnames, restval="", extrasaction="raise",
                 dialect="excel", *args, **kwds):
        self.fieldnames = fieldnames    # list of keys for the dict
        self.restval = restval          # for writing short dicts
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'"
                             % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong_fields = rowdict.keys() - self.fieldnames
            if wrong_fields:
                raise ValueError("dict contains fields not in fieldnames: "
                                 + ", ".join([repr(x) for x in wrong_fields]))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))

# Guard Sniffer's type checking against builds that exclude complex()
try:
    complex
except NameError:
    complex = float

class Sniffer:
    '''
    "Sniffs" the format of a CSV file (i.e. delimiter, quotechar)
    Returns a Dialect object.
    '''
    def __init__(self):
        # in case there is more than one possible delimiter
        self.preferred = [',', '\t', ';', ' ', ':']


    def sniff(self, sample, delimiters=None):
        """
        Returns a dialect (or None) corresponding to the sample
        """

        quotechar, doublequote, delimiter, skipinitialspace = \
                   self._guess_quote_and_delimiter(sample, delimiters)
        if not delimiter:
            delimiter, skipinitialspace = self._guess_delimiter(sample,
                                                                delimiters)

        if not delimiter:
            raise Error("Could not determine delimiter")

        class dialect(Dialect):
            _name = "sniffed"
            lineterminator = '\r\n'
            quoting = QUOTE_MINIMAL
            # escapechar = ''

        dialect.doublequote = doublequote
        dialect.delimiter = delimiter
        # _csv.reader won't accept a quotechar of ''
        dialect.quotechar = quotechar or '"'
        dialect.skipinitialspace = skipinitialspace

        return dialect


    def _guess_quote_and_delimiter(self, data, delimiters):
        """
        Looks for text enclosed between two identical quotes
        (the probable quotechar) which are preceded and followed
        by the same character (the probable delimiter).
        For example:
                         ,'some text',
        The quote with the most wins, same with the delimiter.
        If there is no quotechar the delimiter can't be determined
        this way.
        """

        matches = []
        for restr in (r'(?P<delim>[^\w\n"\'])(?P<space> ?)(?P<quote>["\']).*?(?P=quote)(?P=delim)', # ,".*?",
                      r'(?:^|\n)(?P<quote>["\']).*?(?P=quote)(?P<delim>[^\w\n"\'])(?P<space> ?)',   #  ".*?",
                      r'(?P<delim>[^\w\n"\'])(?P<space> ?)(?P<quote>["\']).*?(?P=quote)(?:$|\n)',   # ,".*?"
                      r'(?:^|\n)(?P<quote>["\']).*?(?P=quote)(?:$|\n)'):                            #  ".*?" (no delim, no space)
            regexp = re.compile(restr, re.DOTALL | re.MULTILINE)
            matches = regexp.findall(data)
            if matches:
                break

        if not matches:
            # (quotechar, doublequote, delimiter, skipinitialspace)
            return ('', False, None, 0)
        quotes = {}
        delims = {}
        spaces = 0
        groupindex = regexp.groupindex
        for m in matches:
            n = groupindex['quote'] - 1
            key = m[n]
            if key:
                quotes[key] = quotes.get(key, 0) + 1
            try:
                n = groupindex['delim'] - 1
                key = m[n]
            except KeyError:
                continue
            if key and (delimiters is None or key in delimiters):
                delims[key] = delims.get(key, 0) + 1
            try:
                n = groupindex['space'] - 1
            except KeyError:
                continue
            if m[n]:
                spaces += 1

        quotechar = max(quotes, key=quotes.get)

        if delims:
            delim = max(delims, key=delims.get)
            skipinitialspace = delims[delim] == spaces
            if delim == '\n': # most likely a file with a single column
                delim = ''
        else:
            # there is *no* delimiter, it's a single column of quoted data
            delim = ''
            skipinitialspace = 0

        # if we see an extra quote between delimiters, we've got a
        # double quoted format
        dq_regexp = re.compile(
                               r"((%(delim)s)|^)\W*%(quote)s[^%(delim)s\n]*%(quote)s[^%(delim)s\n]*%(quote)s\W*((%(delim)s)|$)" % \
                               {'delim':re.escape(delim), 'quote':quotechar}, re.MULTILINE)



        if dq_regexp.search(data):
            doublequote = True
        else:
            doublequote = False

        return (quotechar, doublequote, delim, skipinitialspace)


    def _guess_delimiter(self, data, delimiters):
        """
        The delimiter /should/ occur the same number of times on
        each row. However, due to malformed data, it may not. We don't want
        an all or nothing approach, so we allow for small variations in this
        number.
          1) build a table of the frequency of each character on every line.
          2) build a table of frequencies of this frequency (meta-frequency?),
             e.g.  'x occurred 5 times in 10 rows, 6 times in 1000 rows,
             7 times in 2 rows'
          3) use the mode of the meta-frequency to determine the /expected/
             frequency for that character
          4) find out how often the character actually meets that goal
          5) the character that best meets its goal is the delimiter
        For performance reasons, the data is evaluated in chunks, so it can
        try and evaluate the smallest portion of the data possible, evaluating
        additional chunks as necessary.
        """

        data = list(filter(None, data.split('\n')))

        ascii = [chr(c) for c in range(127)] # 7-bit ASCII

        # build frequency tables
        chunkLength = min(10, len(data))
        iteration = 0
        charFrequency = {}
        modes = {}
        delims = {}
        start, end = 0, chunkLength
        while start < len(data):
            iteration += 1
            for line in data[start:end]:
                for char in ascii:
                    metaFrequency = charFrequency.get(char, {})
                    # must count even if frequency is 0
                    freq = line.count(char)
                    # value is the mode
                    metaFrequency[freq] = metaFrequency.get(freq, 0) + 1
                    charFrequency[char] = metaFrequency

            for char in charFrequency.keys():
                items = list(charFrequency[char].items())
                if len(items) == 1 and items[0][0] == 0:
                    continue
                # get the mode of the frequencies
                if len(items) > 1:
                    modes[char] = max(items, key=lambda x: x[1])
                    # adjust the mode - subtract the sum of all
                    # other frequencies
                    items.remove(modes[char])
                    modes[char] = (modes[char][0], modes[char][1]
                                   - sum(item[1] for item in items))
                else:
                    modes[char] = items[0]

            # build a list of possible delimiters
            modeList = modes.items()
            total = float(min(chunkLength * iteration, len(data)))
            # (rows of consistent data) / (number of rows) = 100%
            consistency = 1.0
            # minimum consistency threshold
            threshold = 0.9
            while len(delims) == 0 and consistency >= threshold:
                for k, v in modeList:
                    if v[0] > 0 and v[1] > 0:
                        if ((v[1]/total) >= consistency and
                            (delimiters is None or k in delimiters)):
                            delims[k] = v
                consistency -= 0.01

            if len(delims) == 1:
                delim = list(delims.keys())[0]
                skipinitialspace = (data[0].count(delim) ==
                                    data[0].count("%c " % delim))
                return (delim, skipinitialspace)

            # analyze another chunkLength lines
            start = end
            end += chunkLength

        if not delims:
            return ('', 0)

        # if there's more than one, fall back to a 'preferred' list
        if len(delims) > 1:
            for d in self.preferred:
                if d in delims.keys():
                    skipinitialspace = (data[0].count(d) ==
                                        data[0].count("%c " % d))
                    return (d, skipinitialspace)

        # nothing else indicates a preference, pick the character that
        # dominates(?)
        items = [(v,k) for (k,v) in delims.items()]
        items.sort()
        delim = items[-1][1]

        skipinitialspace = (data[0].count(delim) ==
                            data[0].count("%c " % delim))
        return (delim, skipinitialspace)


    def has_header(self, sample):
        # Creates a dictionary of types of data in each column. If any
        # column is of a single type (say, integers), *except* for the first
        # row, then the first row is presumed to be labels. If the type
        # can't be determined, it is assumed to be a string in which case
        # the length of the string is the determining factor: if all of the
        # rows except for the first are the same length, it's a header.
        # Finally, a 'vote' is taken at the end for each column, adding or
        # subtracting from the likelihood of the first row being a header.

        rdr = reader(StringIO(sample), self.sniff(sample))

        header = next(rdr) # assume first row is header

        columns = len(header)
        columnTypes = {}
        for i in range(columns): columnTypes[i] = None

        checked = 0
        for row in rdr:
            # arbitrary number of rows to check, to keep it sane
            if checked > 20:
                break
            checked += 1

            if len(row) != columns:
                continue # skip rows that have irregular number of columns

            for col in list(columnTypes.keys()):
                thisType = complex
                try:
                    thisType(row[col])
                except (ValueError, OverflowError):
                    # fallback to length of string
                    thisType = len(row[col])

                if thisType != columnTypes[col]:
                    if columnTypes[col] is None: # add new column type
                        columnTypes[col] = thisType
                    else:
                        # type is inconsistent, remove column from
                        # consideration
                        del columnTypes[col]

        # finally, compare results against first row and "vote"
        # on whether it's a header
        hasHeader = 0
        for col, colType in columnTypes.items():
            if type(colType) == type(0): # it's a length
                if len(header[col]) != colType:
                    hasHeader += 1
                else:
                    hasHeader -= 1
            else: # attempt typecast
                try:
                    colType(header[col])
                except (ValueError, TypeError):
                    hasHeader += 1
                else:
                    hasHeader -= 1

        return hasHeader > 0
