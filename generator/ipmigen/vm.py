# SPDX-License-Identifier: GPL-2.0-or-later
"""The `vm` kind of model: OpenIPMI's VM protocol between a VM and an external BMC.

The schema checks each field on its own; this module checks what the generated codec
and the words it calls (verified/vm_vocabulary.h) rely on and a schema cannot say: the
two end markers and the escape are distinct and each has the escape bit clear (so an
escaped form, which has it set, never reads as a marker or the escape); a message frame
is the sequence byte, the IPMI message and the checksum, a command frame the code and
its arguments, in that order, and one side sends requests while the other answers; the
decoder's rules take every byte in every state, each rule takes some byte, each word
runs only in the states it may, and exactly the end markers end a frame; capability
bits, command codes and names are unique, a command's `needs` names a declared
capability and only commands the BMC sends need one. It then computes the sizes the
codec works with from spec/messages.yaml: the longest frame and what it takes on the
wire.
"""

from .commands import load_messages
from .specfile import check_unique_values

# The senders, in the order of their C numbers (VM_SENDER_VM = 0, VM_SENDER_BMC = 1).
SENDERS = ("vm", "bmc")
# Each frame's fields and their kinds, as verified/vm_codec.h declares the encoders
# (their parameters are named after the fields) and the decoder judges the frames.
LAYOUTS = {
    "message": (("seq", "byte"), ("message", "bytes"), ("checksum", "checksum")),
    "command": (("code", "byte"), ("args", "bytes")),
}
# The decoder's view of a byte and of itself, as the rules name them.
BYTES = ("message_end", "command_end", "escape", "other")
BYTE_CLASSES = {"end": ("message_end", "command_end"), "escape": ("escape",), None: BYTES}
STATES = ("plain", "escaped", "broken")
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


def _check_layout(spec, frame):
    layout = spec.data[frame]["layout"]
    want = LAYOUTS[frame]
    have = [(e["field"], e["kind"]) for e in layout]
    if have != list(want):
        raise spec.error(f"the codec (verified/vm_codec.h) reads a {frame} frame as "
                         f"{', '.join(f'{f} ({k})' for f, k in want)}, in that order; the "
                         f"layout has {', '.join(f'{f} ({k})' for f, k in have)}",
                         frame, "layout")
    fields = {e["kind"]: e["field"] for e in layout}
    return {"name": frame, "marker": f"{frame.upper()}_END",
            "head": fields["byte"], "body": fields["bytes"],
            "checksum": fields.get("checksum", ""),
            "fields": [{"field": e["field"], "kind": e["kind"], "offset": i, "doc": e["doc"]}
                       for i, e in enumerate(layout)]}


def _check_carries(spec):
    carries = spec.data["message"]["carries"]
    if carries["vm"] == carries["bmc"]:
        raise spec.error(f"the VM and the BMC both send {carries['vm']}s: one side sends "
                         "requests and the other answers them", "message", "carries")


def _rule_cells(rule):
    return [(b, s) for b in BYTE_CLASSES[rule.get("byte")] for s in STATES
            if rule.get("state", s) == s]


def _check_decoder(spec):
    """Compiles the rules in order; each takes the byte/state cells no earlier rule took."""
    words = spec.data["words"]
    taken = {}
    rules = []
    for i, rule in enumerate(spec.data["decoder"]):
        cells = [c for c in _rule_cells(rule) if c not in taken]
        if not cells:
            raise spec.error("no byte reaches this rule: the rules before it take every "
                             "byte it names", "decoder", i)
        for j, word in enumerate(rule["do"]):
            if word not in words:
                raise spec.error(f"unknown word {word} (the spec has {', '.join(words)})",
                                 "decoder", i, "do", j)
            if words[word].get("yields") and j != len(rule["do"]) - 1:
                raise spec.error(f"{word} yields the byte's event, so it must come last",
                                 "decoder", i, "do", j)
            bad = sorted({s for _, s in cells if s not in words[word]["in"]})
            if bad:
                raise spec.error(f"{word} may run only in {', '.join(words[word]['in'])}, "
                                 f"but this rule runs it in {', '.join(bad)}", "decoder", i, "do", j)
        yields = bool(rule["do"]) and bool(words[rule["do"][-1]].get("yields"))
        for b, s in cells:
            if (b in BYTE_CLASSES["end"]) != yields:
                raise spec.error(f"a {b} byte in state {s} "
                                 + ("does not end the frame: an end marker must run a word that "
                                    "yields" if not yields else "would end the frame: only an end "
                                    "marker may"), "decoder", i)
            taken[(b, s)] = i
        rules.append({"byte": rule.get("byte", ""), "state": rule.get("state", ""),
                      "doc": rule["doc"], "yields": yields,
                      "calls": [{"word": w, "takes_byte": words[w].get("takes") == "byte"}
                                for w in rule["do"]]})
    left = [f"{b} in {s}" for b in BYTES for s in STATES if (b, s) not in taken]
    if left:
        raise spec.error(f"no rule takes a byte {', '.join(left)}", "decoder")
    if rules[-1]["byte"] or rules[-1]["state"]:
        # The cells are all taken, so the last rule's test is always true: drop it.
        raise spec.error("the last rule takes every byte the rules before leave, so it "
                         "names no byte or state", "decoder", len(rules) - 1)
    return rules


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
    message = _check_layout(spec, "message")
    command = _check_layout(spec, "command")
    _check_carries(spec)
    decoder = _check_decoder(spec)
    commands = _check_commands(spec)
    messages = load_messages(spec, schema_dir)["layout"]
    header = {"request": messages["request_header"], "response": messages["response_header"]}
    overhead = len(message["fields"]) - 1  # one byte each besides the message
    capacity = overhead + messages["max_message"]
    capabilities = sorted(d["capabilities"].items(), key=lambda kv: kv[1]["bit"])
    return {
        "spec": d,
        "version": d["version"],
        "markers": markers,
        "escape_bit": d["framing"]["escape_bit"],
        "layout": message["fields"],
        "frames": [message, command],
        "decoder": decoder,
        "words": [{"name": n, **w} for n, w in d["words"].items()],
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
