# SPDX-License-Identifier: GPL-2.0-or-later
"""The `commands` kind of model: the BMC commands of one network function.

Checks the layouts against spec/messages.yaml (the NetFn and the completion codes it
names must exist there, a response must fit a message) and computes every field's offset
and every length the generated code checks.
"""

import os

from . import specfile

C_TYPES = {"u8": "uint8_t", "u16": "uint16_t", "u24": "uint32_t", "u32": "uint32_t", "bytes": "uint8_t"}
SIZES = {"u8": 1, "u16": 2, "u24": 3, "u32": 4}


def _range(spec, f, messages, where):
    """A request field's accepted values, and the completion code for the others."""
    if "range" not in f:
        if "out_of_range" in f:
            raise spec.error("out_of_range without a range", *where, "out_of_range")
        return None
    if f["type"] not in SIZES:
        raise spec.error(f"a range needs an integer field, not {f['type']}", *where, "range")
    lo, hi = f["range"]
    top = (1 << (8 * SIZES[f["type"]])) - 1
    if not 0 <= lo <= hi <= top:
        raise spec.error(f"range [{lo}, {hi}] is not within 0..{top} for a {f['type']}",
                         *where, "range")
    if lo == 0 and hi == top:
        raise spec.error(f"range [{lo}, {hi}] accepts every {f['type']}: leave it out",
                         *where, "range")
    cc = f.get("out_of_range", "INVALID_DATA_FIELD")
    if cc not in messages["completion_codes"]:
        raise spec.error(f"unknown completion code {cc}", *where, "out_of_range")
    return {"lo": lo, "hi": hi, "top": top, "cc": cc}


def _layout(spec, fields, messages, where):
    """Offsets and sizes. A `bytes` field with `max` instead of `length` is a variable
    tail: the rest of the message, so it must come last."""
    out, offset, names = [], 0, set()
    for i, f in enumerate(fields):
        if f["name"] in names:
            raise spec.error(f"field {f['name']} appears twice", *where, i, "name")
        specfile.check_c_name(spec, f["name"], *where, i, "name")
        names.add(f["name"])
        variable = f["type"] == "bytes" and "max" in f
        if variable and i != len(fields) - 1:
            raise spec.error(f"field {f['name']} has a variable length (max), so it must be "
                             f"the last field", *where, i, "max")
        if variable and f.get("min", 0) > f["max"]:
            raise spec.error(f"field {f['name']}: min {f['min']} is above max {f['max']}",
                             *where, i, "min")
        size = (f["max"] if variable else f["length"]) if f["type"] == "bytes" else SIZES[f["type"]]
        out.append({"name": f["name"], "type": f["type"], "c_type": C_TYPES[f["type"]],
                    "offset": offset, "size": size, "doc": f.get("doc", ""),
                    "variable": variable, "min": f.get("min", 0) if variable else size,
                    "room": f.get("room", False),
                    "range": _range(spec, f, messages, (*where, i))})
        offset += size
    return out, offset


def _fixed_len(fields):
    """Bytes before a variable tail (all of them if there is none)."""
    return sum(f["size"] for f in fields if not f["variable"])


def _count(fields, what):
    """'3 request bytes', '1 response byte', '2 to 18 request bytes'."""
    tail, fixed = _tail(fields), _fixed_len(fields)
    if tail:
        return f"{fixed + tail['min']} to {fixed + tail['size']} {what} bytes"
    return f"{fixed} {what} byte{'s' if fixed != 1 else ''}"


def _tail(fields):
    return fields[-1] if fields and fields[-1]["variable"] else None


def load_messages(spec, schema_dir):
    path = os.path.join(os.path.dirname(spec.path), "messages.yaml")
    if not os.path.exists(path):
        raise spec.error("a commands spec needs messages.yaml beside it", "netfn")
    return specfile.load(path, schema_dir).data


def build(spec, schema_dir):
    d = spec.data
    messages = load_messages(spec, schema_dir)
    if d["netfn"] not in messages["netfns"]:
        raise spec.error(f"unknown NetFn {d['netfn']} (spec/messages.yaml has "
                         f"{', '.join(messages['netfns'])})", "netfn")
    room = messages["layout"]["max_message"] - messages["layout"]["response_header"]
    request_room = messages["layout"]["max_message"] - messages["layout"]["request_header"]
    commands, codes, names = [], {}, set()
    for i, c in enumerate(d["commands"]):
        if c["code"] in codes:
            raise spec.error(f"command code {c['code']:#04x} is both {codes[c['code']]} and {c['name']}",
                             "commands", i, "code")
        if c["name"] in names:
            raise spec.error(f"command {c['name']} appears twice", "commands", i, "name")
        codes[c["code"]] = c["name"]
        names.add(c["name"])
        request, request_len = _layout(spec, c["request"], messages, ("commands", i, "request"))
        response, response_len = _layout(spec, c["response"], messages,
                                         ("commands", i, "response"))
        for j, f in enumerate(response):
            if f["range"]:
                raise spec.error("a range checks a request; a response's values are the "
                                 "handler's to keep", "commands", i, "response", j, "range")
        for j, f in enumerate(request):
            if f["room"]:
                raise spec.error("room sizes a response's tail to the caller's buffer; a "
                                 "request has no room to fit", "commands", i, "request", j, "room")
        if request_len > request_room:
            raise spec.error(f"the request of {c['name']} ({request_len} bytes) does not fit "
                             f"a message ({request_room} bytes of data)", "commands", i, "request")
        if response_len > room:
            raise spec.error(f"the response of {c['name']} ({response_len} bytes) does not fit "
                             f"a message ({room} bytes of data)", "commands", i, "response")
        for j, err in enumerate(c.get("errors", [])):
            if err not in messages["completion_codes"]:
                raise spec.error(f"unknown completion code {err}", "commands", i, "errors", j)
        for j, err in enumerate(c.get("state_changing_errors", [])):
            if err not in c.get("errors", []):
                raise spec.error(f"state-changing error {err} is not in the command's errors",
                                 "commands", i, "state_changing_errors", j)
        req_tail, rsp_tail = _tail(request), _tail(response)
        commands.append({"name": c["name"], "code": c["code"], "section": c["section"],
                         "request": request, "request_len": request_len,
                         "request_fixed": _fixed_len(request), "request_tail": req_tail,
                         "request_min": _fixed_len(request) + (req_tail["min"] if req_tail else 0),
                         "response": response, "response_len": response_len,
                         "response_fixed": _fixed_len(response), "response_tail": rsp_tail,
                         "response_room": rsp_tail if rsp_tail and rsp_tail["room"] else None,
                         "ranged": [f for f in request if f["range"]],
                         "sizes": f"{_count(request, 'request')}, {_count(response, 'response')}",
                         "errors": c.get("errors", []),
                         "answers": ["SUCCESS"] + c.get("errors", []),
                         # One name from spec to handler: <netfn>_<command> is the
                         # handler, its structs' tag, and in capitals its code.
                         "id": f"{d['name']}_{c['name']}"})
    return {
        "spec": d,
        "name": d["name"],
        "netfn": d["netfn"],
        "netfn_code": messages["netfns"][d["netfn"]],
        "strict": d["trailing_request_bytes"] == "rejected",
        "commands": sorted(commands, key=lambda c: c["code"]),
        "max_response": max(c["response_len"] for c in commands),
    }
