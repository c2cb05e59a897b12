# SPDX-License-Identifier: GPL-2.0-or-later
"""Loading a spec file: YAML with line numbers, checked against its JSON Schema.

Every complaint about a spec is a SpecError that names the file and line it is about,
so a user fixing a spec is pointed at the place, not at a Python traceback.
"""

import json
import os
import re

import jsonschema
import yaml


class SpecError(Exception):
    """A problem in a spec, reported as `file:line: message`."""

    def __init__(self, path, line, message):
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


class Spec:
    """A loaded spec: its data, plus the source line of every node in it."""

    def __init__(self, path, data, lines):
        self.path = path
        self.data = data
        self._lines = lines

    def line(self, *where):
        """The line of the node at `where` (keys and indexes), or of its nearest parent."""
        where = tuple(where)
        while where and where not in self._lines:
            where = where[:-1]
        return self._lines.get(where, 1)

    def error(self, message, *where):
        return SpecError(self.path, self.line(*where), message)


def _record_lines(node, where, lines):
    lines[where] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _record_lines(value, where + (key.value,), lines)
            lines[where + (key.value,)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, where + (index,), lines)


def _schema_path(kind, schema_dir):
    return os.path.join(schema_dir, f"{kind}.schema.json")


def _decode(path, raw):
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        column = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        raise SpecError(path, line, f"not valid UTF-8: byte 0x{raw[e.start]:02x} at column "
                                    f"{column}") from None


def _check_keys(path, node):
    """A key given twice in one mapping: YAML would keep the last one silently."""
    if isinstance(node, yaml.MappingNode):
        seen = {}
        for key, value in node.value:
            if key.value in seen:
                raise SpecError(path, key.start_mark.line + 1,
                                f"key `{key.value}` repeats the one on line {seen[key.value]}")
            seen[key.value] = key.start_mark.line + 1
            _check_keys(path, value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_keys(path, item)


# Text a spec gives lands in C comments, ACSL and string literals: none of these may end
# the comment it stands in, start a nested one, spell a trigraph or break the line.
_BREAKS_C = ((re.compile(r"\*/"), "`*/` would end the C comment it lands in"),
             (re.compile(r"/\*"), "`/*` would open a comment inside a C comment"),
             (re.compile(r"\?\?"), "`??` would be read as a C trigraph"),
             (re.compile(r"[\x00-\x1f\x7f]"), "a control character or line break would break "
                                               "the C line it lands in"))


def _check_text(spec, value, where=()):
    if isinstance(value, dict):
        for key, item in value.items():
            _check_text(spec, key, where + (key,))
            _check_text(spec, item, where + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_text(spec, item, where + (i,))
    elif isinstance(value, str):
        for pattern, why in _BREAKS_C:
            if pattern.search(value):
                raise spec.error(f"{value!r}: {why}", *where)


C_KEYWORDS = frozenset("""
    auto break case char const continue default do double else enum extern float for goto
    if inline int long register restrict return short signed sizeof static struct switch
    typedef union unsigned void volatile while bool true false
""".split())


def check_c_name(spec, name, *where):
    """A spec name that becomes a C identifier on its own (a struct field, say)."""
    if name in C_KEYWORDS:
        raise spec.error(f"`{name}` is a C keyword and cannot name a field", *where)


def check_unique_values(spec, mapping, what, *where):
    """Two names for one code value would make the generated switch ambiguous."""
    seen = {}
    for name, value in mapping.items():
        if value in seen:
            raise spec.error(f"{what} {value:#04x} is both {seen[value]} and {name}", *where, name)
        seen[value] = name


# Every spec file read in this run, for the build's depfile (a commands spec also reads
# messages.yaml).
FILES_READ = set()


def load(path, schema_dir):
    """Read, parse and schema-check one spec file."""
    FILES_READ.add(os.path.abspath(path))
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise SpecError(path, 1, f"cannot read: {e.strerror}") from None
    text = _decode(path, raw)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 1
        raise SpecError(path, line, f"not valid YAML: {e.problem or e.context}") from None
    except yaml.YAMLError as e:
        raise SpecError(path, 1, f"not valid YAML: {e}") from None
    if node is None or not isinstance(data, dict):
        raise SpecError(path, 1, "a spec is a YAML mapping with a `model` key")
    _check_keys(path, node)
    lines = {}
    _record_lines(node, (), lines)
    spec = Spec(path, data, lines)

    kind = data.get("model")
    if not isinstance(kind, str) or not os.path.exists(_schema_path(kind, schema_dir)):
        known = sorted(f.split(".")[0] for f in os.listdir(schema_dir) if f.endswith(".schema.json"))
        raise spec.error(f"`model` must name a kind of model with a schema ({', '.join(known)})", "model")
    with open(_schema_path(kind, schema_dir), encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: spec.line(*e.absolute_path))
    if errors:
        first = errors[0]
        path = list(first.absolute_path)
        where = "/".join(str(p) for p in path) or "(top level)"
        if first.validator == "additionalProperties" and isinstance(first.instance, dict):
            # Point at the unexpected key itself, not at the mapping holding it.
            known = first.schema.get("properties", {})
            extra = [k for k in first.instance if k not in known]
            if extra:
                path.append(extra[0])
        raise spec.error(f"{where}: {first.message}", *path)
    _check_text(spec, data)
    return spec
