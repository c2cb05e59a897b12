# SPDX-License-Identifier: GPL-2.0-or-later
"""The `vm` kind of model: OpenIPMI's VM protocol between a VM and an external BMC.

The schema checks each field on its own; this module checks what the codec
(verified/vm_codec.c) relies on and a schema cannot say: the two end markers and the
escape are distinct and each has the escape bit clear (so an escaped form, which has it
set, never reads as a marker or the escape); a message frame is the sequence byte, the
IPMI message and the checksum, in that order, and one side sends requests while the
other answers; capability bits, command codes and names are unique, a command's `needs`
names a declared capability and only commands the BMC sends need one. It then computes
the sizes the codec works with from spec/messages.yaml: the longest frame and what it
takes on the wire.
"""

from .commands import load_messages
from .specfile import check_unique_values

# The senders, in the order of their C numbers (VM_SENDER_VM = 0, VM_SENDER_BMC = 1).
SENDERS = ("vm", "bmc")
# The message frame's fields as the codec reads them.
LAYOUT = ("seq", "message", "checksum")
MARKERS = (("message_end", "MESSAGE_END"), ("command_end", "COMMAND_END"), ("escape", "ESCAPE"))


def _check_framing(spec):
    framing = spec.data["framing"]
    bit = framing["escape_bit"]
    specials = {key: framing[key] for key, _ in MARKERS}
    check_unique_values(spec, specials, "framing byte", "framing")
    # With the bit clear in all three, an escaped form (bit set) is none of them.
    for key, value in specials.items():
        if value & bit:
            raise spec.error(f"{key} {value:#04x} has escape_bit {bit:#04x} set, so its escaped "
                             f"form would be itself", "framing", key)
    return [{"name": name, "key": key, "value": framing[key], "escaped": framing[key] | bit}
            for key, name in MARKERS]


def _check_layout(spec):
    layout = spec.data["message"]["layout"]
    seen = {}
    for i, entry in enumerate(layout):
        if entry["field"] in seen:
            raise spec.error(f"field {entry['field']} appears twice in the layout (first as "
                             f"entry {seen[entry['field']]})", "message", "layout", i, "field")
        seen[entry["field"]] = i
    for field in LAYOUT:
        if field not in seen:
            raise spec.error(f"the layout has no {field} field", "message", "layout")
    for i, entry in enumerate(layout):
        if entry["field"] != LAYOUT[i]:
            raise spec.error(f"the codec (verified/vm_codec.c) reads {', '.join(LAYOUT)} in "
                             f"that order; entry {i} is {entry['field']}",
                             "message", "layout", i, "field")
    carries = spec.data["message"]["carries"]
    if carries["vm"] == carries["bmc"]:
        raise spec.error(f"the VM and the BMC both send {carries['vm']}s: one side sends "
                         "requests and the other answers them", "message", "carries")
    return layout


def _check_commands(spec):
    d = spec.data
    check_unique_values(spec, {n: c["bit"] for n, c in d["capabilities"].items()},
                        "capability bit", "capabilities")
    codes, names, needed = {}, set(), set()
    commands = []
    for i, c in enumerate(d["commands"]):
        if c["code"] in codes:
            raise spec.error(f"command code {c['code']:#04x} is both {codes[c['code']]} and "
                             f"{c['name']}", "commands", i, "code")
        if c["name"] in names:
            raise spec.error(f"command {c['name']} appears twice", "commands", i, "name")
        codes[c["code"]] = c["name"]
        names.add(c["name"])
        if len(set(c["sent_by"])) != len(c["sent_by"]):
            raise spec.error(f"command {c['name']} names a sender twice", "commands", i, "sent_by")
        if "needs" in c:
            if c["needs"] not in d["capabilities"]:
                raise spec.error(f"unknown capability {c['needs']} (the spec has "
                                 f"{', '.join(d['capabilities'])})", "commands", i, "needs")
            if "bmc" not in c["sent_by"]:
                raise spec.error(f"command {c['name']} is not sent by the BMC, so it needs no "
                                 "capability of the VM", "commands", i, "needs")
            needed.add(c["needs"])
        args, arg_names = [], set()
        for j, a in enumerate(c.get("args", [])):
            if a["name"] in arg_names:
                raise spec.error(f"argument {a['name']} of {c['name']} appears twice",
                                 "commands", i, "args", j, "name")
            arg_names.add(a["name"])
            args.append({"name": a["name"], "offset": j, "doc": a["doc"]})
        commands.append({"name": c["name"], "code": c["code"], "doc": c["doc"],
                         "needs": c.get("needs", ""), "args": args,
                         "senders": [s for s in SENDERS if s in c["sent_by"]]})
    for name in d["capabilities"]:
        if name not in needed:
            raise spec.error(f"capability {name} is needed by no command", "capabilities", name)
    return sorted(commands, key=lambda c: c["code"])


def build(spec, schema_dir):
    d = spec.data
    markers = _check_framing(spec)
    layout = _check_layout(spec)
    commands = _check_commands(spec)
    messages = load_messages(spec, schema_dir)["layout"]
    header = {"request": messages["request_header"], "response": messages["response_header"]}
    overhead = len(LAYOUT) - 1  # one byte each besides the message
    capacity = overhead + messages["max_message"]
    capabilities = sorted(d["capabilities"].items(), key=lambda kv: kv[1]["bit"])
    return {
        "spec": d,
        "version": d["version"],
        "markers": markers,
        "escape_bit": d["framing"]["escape_bit"],
        "layout": [{"field": e["field"], "offset": i, "doc": e["doc"]} for i, e in enumerate(layout)],
        "overhead": overhead,
        "capacity": capacity,
        "max_message": messages["max_message"],
        # Every byte of the longest frame escaped, then its end marker.
        "encoded_max": 2 * capacity + 1,
        "senders": [{"name": s, "id": i, "carries": d["message"]["carries"][s],
                     "min": overhead + header[d["message"]["carries"][s]]}
                    for i, s in enumerate(SENDERS)],
        "capabilities": [{"name": n, "mask": 1 << c["bit"], "doc": c["doc"]} for n, c in capabilities],
        "all_capabilities": sum(1 << c["bit"] for _, c in capabilities),
        "commands": commands,
        "max_args": max(len(c["args"]) for c in commands),
    }
