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


def _layout(spec, fields, where):
    out, offset, names = [], 0, set()
    for i, f in enumerate(fields):
        if f["name"] in names:
            raise spec.error(f"field {f['name']} appears twice", *where, i, "name")
        specfile.check_c_name(spec, f["name"], *where, i, "name")
        names.add(f["name"])
        size = f.get("length") if f["type"] == "bytes" else SIZES[f["type"]]
        out.append({"name": f["name"], "type": f["type"], "c_type": C_TYPES[f["type"]],
                    "offset": offset, "size": size, "doc": f.get("doc", "")})
        offset += size
    return out, offset


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
    commands, codes, names = [], {}, set()
    for i, c in enumerate(d["commands"]):
        if c["code"] in codes:
            raise spec.error(f"command code {c['code']:#04x} is both {codes[c['code']]} and {c['name']}",
                             "commands", i, "code")
        if c["name"] in names:
            raise spec.error(f"command {c['name']} appears twice", "commands", i, "name")
        codes[c["code"]] = c["name"]
        names.add(c["name"])
        request, request_len = _layout(spec, c["request"], ("commands", i, "request"))
        response, response_len = _layout(spec, c["response"], ("commands", i, "response"))
        if response_len > room:
            raise spec.error(f"the response of {c['name']} ({response_len} bytes) does not fit "
                             f"a message ({room} bytes of data)", "commands", i, "response")
        for j, err in enumerate(c.get("errors", [])):
            if err not in messages["completion_codes"]:
                raise spec.error(f"unknown completion code {err}", "commands", i, "errors", j)
        commands.append({"name": c["name"], "code": c["code"], "section": c["section"],
                         "request": request, "request_len": request_len,
                         "response": response, "response_len": response_len,
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
