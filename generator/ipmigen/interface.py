# SPDX-License-Identifier: GPL-2.0-or-later
"""The `interface` kind of model: a system interface's BMC-side state machine.

The schema checks each field on its own; this module checks how they refer to each other
(a phase names a declared state or register bits, a rule declared phases, events and
vocabulary words) and that the table is complete and unambiguous: every phase answers
every event the host or the BMC can send it with exactly one outcome, and guarded rules
use whole guard groups. It then shapes the table for the templates: one branch per
event, phases that act alike sharing a case, and the edges of the machine's diagram.

Two kinds of host register feed the table. A register written as a value (KCS's command
and data registers) yields one event per control code it is compared with, plus a
catch-all; a register written bit by bit (BT's control and mask registers) yields one
event per bit whose write is an `event`, handled in the order the spec lists its bits.
An interface reached by SMBus block transfers instead (SSIF's `smbus` section) yields one
event per SMBus command of each transfer, plus a catch-all, as a value register does.
"""

from dataclasses import dataclass, field

from .commands import load_messages
from .specfile import SpecError, check_unique_values


@dataclass
class Word:
    """A guard or an effect, as the spec's vocabulary declares it."""
    name: str
    doc: str
    takes: str          # "value", "response" or ""
    event: str          # the only event source it applies to, or ""
    argument: str       # the spec section its argument comes from, or ""
    group: str = ""     # for guards: the group it belongs to


@dataclass
class Call:
    """One guard or effect as the generated code calls it."""
    word: Word
    args: list          # C expressions after the machine pointer


@dataclass
class Rule:
    guard: Call         # None for an unguarded rule
    effects: list       # of Call
    next: str
    line: int           # where the spec writes it

    def key(self):
        """Phases whose rules have equal keys share one case in the generated switch."""
        guard = self.guard.word.name if self.guard else ""
        return (guard, tuple((c.word.name, tuple(c.args)) for c in self.effects), self.next)


@dataclass
class Branch:
    """The rules one group of phases follows for one event."""
    phases: list
    rules: list


@dataclass
class ValueCase:
    """Host events (values written) that one phase answers alike, and their rules."""
    events: list
    rules: list


@dataclass
class HostBranch:
    """Phases that answer every value written alike: one case of a host write's switch."""
    phases: list
    cases: list


@dataclass
class Event:
    name: str          # as in the spec, e.g. "command:WRITE_START"
    source: str        # the register write it comes from (e.g. "command"), or "response"
    code: str          # control code or bit name, "other", "any", or ""
    constant: str = "" # the C constant a host write's value is compared with
    branches: list = field(default_factory=list)
    covers_all: bool = False

    @property
    def host(self):
        return self.source != "response"


# What each kind of parameter passes, as C expressions in the generated step functions.
TAKES = {"": [], "value": ["value"], "response": ["response", "len"]}
# Where a word's argument comes from: a section of the spec (C prefix <NAME>_<PREFIX>_),
# or spec/messages.yaml's completion codes (IPMI_CC_).
ARGUMENT_PREFIX = {"error_codes": "ERROR", "control_codes": "CONTROL"}
BIT_WRITES = ("event", "clear", "toggle", "store", "ignore")


def _check_status(spec):
    d = spec.data
    for section in ("control_codes", "error_codes"):
        if section in d and "status" not in d:
            raise spec.error(f"{section} belong to a status register; the spec has none", section)
    if "status" not in d:
        return
    for section in ("control_codes", "error_codes"):
        if section not in d:
            raise spec.error(f"a spec with a status register needs {section}", "status")
    check_unique_values(spec, d["status"]["states"], "state", "status", "states")
    check_unique_values(spec, d["status"]["bits"], "status bit", "status", "bits")
    check_unique_values(spec, d["control_codes"], "control code", "control_codes")
    check_unique_values(spec, d["error_codes"], "error code", "error_codes")
    check_unique_values(spec, {r["name"]: r["offset"] for r in d["registers"]},
                        "register offset", "registers")
    width = d["status"]["state_field"]["width"]
    for name, value in d["status"]["states"].items():
        if value >= 1 << width:
            raise spec.error(f"state {name} = {value} does not fit the {width}-bit state field",
                             "status", "states", name)
    for name, bit in d["status"]["bits"].items():
        if d["status"]["state_field"]["shift"] <= bit:
            raise spec.error(f"status bit {name} overlaps the state field", "status", "bits", name)


def _smbus(spec):
    """{transfer: {command: C constant}} for an interface reached by SMBus transfers,
    checked: one code names one command, and the sizes fit what reports and frames them."""
    d = spec.data
    if "smbus" not in d:
        if "ssif_capabilities" in d:
            raise spec.error("ssif_capabilities belong to an interface reached by SMBus "
                             "(an `smbus` section); the spec has none", "ssif_capabilities")
        return {}
    s = d["smbus"]
    if "registers" in d:
        raise spec.error("an interface is reached by registers or by SMBus transfers, not "
                         "both", "smbus")
    if "ssif_capabilities" not in d:
        raise spec.error("an SMBus interface answers Get System Interface Capabilities "
                         "itself: it needs ssif_capabilities", "smbus")
    if "capabilities" in d:
        raise spec.error("capabilities (Get BT Interface Capabilities) do not apply to an "
                         "SMBus interface", "capabilities")
    name = d["name"].upper()
    out, codes = {}, {}
    for i, tr in enumerate(s["transfers"]):
        if tr["name"] in out:
            raise spec.error(f"transfer {tr['name']} is listed twice", "smbus", "transfers", i, "name")
        out[tr["name"]] = {}
        for cmd, code in tr["commands"].items():
            if code in codes:
                raise spec.error(f"SMBus command 0x{code:02x} is both {codes[code]} and "
                                 f"{tr['name']}:{cmd}", "smbus", "transfers", i, "commands", cmd)
            codes[code] = f"{tr['name']}:{cmd}"
            out[tr["name"]][cmd] = f"{name}_{tr['name'].upper()}_{cmd}"
    for side in ("request", "response"):
        size = d["buffers"][side]
        if size > 255:
            raise spec.error(f"the {side} buffer ({size} bytes) is larger than the capability "
                             "answer's one byte can report", "buffers", side)
        if size <= s["chunk"]:
            raise spec.error(f"the {side} buffer ({size} bytes) fits one chunk of "
                             f"{s['chunk']}: there would be no message in parts", "buffers", side)
    if s["end_marker"] < (d["buffers"]["response"] + s["chunk"] - 2) // (s["chunk"] - 1):
        raise spec.error(f"end marker 0x{s['end_marker']:02x} is a block number a response of "
                         f"{d['buffers']['response']} bytes uses", "smbus", "end_marker")
    return out


def _vocabulary(spec):
    """Guards (with their groups) and effects by name."""
    d = spec.data
    words, groups = {}, {}

    def add(entry, where, group=""):
        if entry["name"] in words:
            raise spec.error(f"{entry['name']} is declared twice in the vocabulary", *where, "name")
        word = Word(entry["name"], entry["doc"], entry.get("takes", ""), entry.get("event", ""),
                    entry.get("argument", ""), group)
        if word.takes == "response" and word.event != "response":
            raise spec.error(f"{word.name} takes the response, so it needs `event: response`",
                             *where)
        if word.takes == "value" and word.event == "response":
            raise spec.error(f"{word.name} takes the byte the host wrote, which a response "
                             "event has not", *where)
        words[word.name] = word
        return word

    guards = {}
    for group, members in d["guards"].items():
        groups[group] = [add(m, ("guards", group, i), group) for i, m in enumerate(members)]
        for w in groups[group]:
            if w.argument:
                raise spec.error(f"guard {w.name} cannot take an argument", "guards", group)
            guards[w.name] = w
    effects = {}
    for i, e in enumerate(d["effects"]):
        effects[e["name"]] = add(e, ("effects", i))
    return guards, groups, effects


def _check_capabilities(spec):
    """The capability answer reports each buffer as its largest length byte, in one byte."""
    d = spec.data
    if "capabilities" not in d:
        return
    for side in ("request", "response"):
        if d["buffers"][side] > 256:
            raise spec.error(f"the {side} buffer ({d['buffers'][side]} bytes) is larger than "
                             "the capability answer's one byte can report", "buffers", side)


def _bit_registers(spec):
    """{write source: register} for the registers written bit by bit, checked."""
    d = spec.data
    out, fields = {}, {}
    for i, r in enumerate(d.get("registers", [])):
        if "bits" not in r:
            continue
        names, positions = set(), {}
        for j, b in enumerate(r["bits"]):
            if b["name"] in names:
                raise spec.error(f"bit {b['name']} is listed twice", "registers", i, "bits", j)
            if b["bit"] in positions:
                raise spec.error(f"bit {b['bit']} of {r['name']} is both {positions[b['bit']]} "
                                 f"and {b['name']}", "registers", i, "bits", j)
            names.add(b["name"])
            positions[b["bit"]] = b["name"]
            if b.get("read") == "flag" or b["write"] in ("clear", "toggle", "store"):
                field = b["name"].lower()
                if field in fields:
                    raise spec.error(f"bits {fields[field]} and {r['name']}.{b['name']} would "
                                     f"share the machine's field {field}", "registers", i, "bits", j)
                fields[field] = f"{r['name']}.{b['name']}"
                if b.get("read") != "flag":
                    raise spec.error(f"bit {b['name']}: a host write changes it, so a read must "
                                     "show it (`read: flag`)", "registers", i, "bits", j)
        out[r["write"]] = r
    return out


def _phases(spec, bit_registers):
    d = spec.data
    states = d.get("status", {}).get("states")
    shown = {b["name"]: b for r in bit_registers.values() for b in r["bits"]
             if b.get("read") == "phase"}
    phases, index = [], {}
    for i, p in enumerate(d["phases"]):
        if p["name"] in index:
            raise spec.error(f"phase {p['name']} is declared twice", "phases", i, "name")
        if states is not None:
            if "state" not in p:
                raise spec.error(f"phase {p['name']} needs the state its status register "
                                 "shows", "phases", i)
            if p["state"] not in states:
                raise spec.error(f"phase {p['name']} shows unknown state {p['state']} "
                                 f"(states: {', '.join(states)})", "phases", i, "state")
        elif "state" in p:
            raise spec.error(f"phase {p['name']} names a state, but the spec has no status "
                             "register", "phases", i, "state")
        if "shows" in p and not shown:
            raise spec.error(f"phase {p['name']} shows bits, but no register bit is read "
                             "from the phase", "phases", i, "shows")
        for bit in p.get("shows", []):
            if bit not in shown:
                raise spec.error(f"phase {p['name']} shows {bit}, which is not a bit read "
                                 f"from the phase (those are {', '.join(shown)})",
                                 "phases", i, "shows")
        held = p.get("ibf") == "held"
        index[p["name"]] = i
        phases.append({"name": p["name"], "state": p.get("state", ""),
                       "state_value": states[p["state"]] if states else 0,
                       "shows": p.get("shows", []),
                       # awaits: a response reaches it; held: host writes do not.
                       "awaits": held or p.get("awaits") == "response", "held": held,
                       "doc": p["doc"], "index": i})
    if phases[0]["awaits"]:
        raise spec.error("the first phase is where the machine starts; no response can be "
                         "due there", "phases", 0)
    return phases, index


def _events(spec, bit_registers, transfers):
    d = spec.data
    name_c = d["name"].upper()
    value_sources = {r["write"] for r in d.get("registers", []) if "bits" not in r}
    value_sources |= set(transfers)
    events, index = [], {}
    for i, name in enumerate(d["events"]):
        source, _, code = name.partition(":")
        if source == "response":
            pass
        elif source in bit_registers:
            event_bits = [b["name"] for b in bit_registers[source]["bits"] if b["write"] == "event"]
            if code not in event_bits:
                raise spec.error(f"event {name}: {code} is not a bit of the {source} register "
                                 f"whose write is an event (those are {', '.join(event_bits)})",
                                 "events", i)
        elif source in transfers:
            if code not in ("other", "any") and code not in transfers[source]:
                raise spec.error(f"event {name} names unknown SMBus command {code} (the {source} "
                                 f"transfer's are {', '.join(transfers[source])})", "events", i)
        elif source in value_sources:
            if code not in ("other", "any") and code not in d.get("control_codes", {}):
                raise spec.error(f"event {name} names unknown control code {code}", "events", i)
        else:
            raise spec.error(f"event {name}: no register is written as {source}", "events", i)
        constant = (transfers[source].get(code, "") if source in transfers
                    else f"{name_c}_CONTROL_{code}")
        events.append(Event(name, source, code, constant=constant))
        index[name] = events[-1]
    for source in value_sources:
        names = [e for e in events if e.source == source]
        if names and names[-1].code not in ("other", "any"):
            raise spec.error(f"the last {source} event must be {source}:other or {source}:any, "
                             "so every value the host writes has an outcome", "events")
    for source, r in bit_registers.items():
        for b in r["bits"]:
            if b["write"] == "event" and f"{source}:{b['name']}" not in index:
                raise spec.error(f"bit {b['name']} of {r['name']} is written as an event, but "
                                 f"events has no {source}:{b['name']}", "events")
    if not any(e.source == "response" for e in events):
        raise spec.error("events must include `response`, the BMC's answer", "events")
    return events, index


def _argument_sections(spec, schema_dir):
    """{argument section: {name: C constant}} for the words' arguments."""
    d = spec.data
    name = d["name"].upper()
    sections = {s: {code: f"{name}_{prefix}_{code}" for code in d[s]}
                for s, prefix in ARGUMENT_PREFIX.items() if s in d}
    if any(e.get("argument") == "completion_codes" for e in d["effects"]):
        messages = load_messages(spec, schema_dir)
        sections["completion_codes"] = {c: f"IPMI_CC_{c}" for c in messages["completion_codes"]}
    return sections


def _call(spec, sections, word, written, event, where):
    """A guard or effect as written in a rule (`name` or `name:ARG`), checked."""
    _, _, arg = written.partition(":")
    if word.event and word.event != event.source:
        raise spec.error(f"{word.name} only applies to {word.event} events, not {event.name}", *where)
    if word.takes == "value" and not event.host:
        raise spec.error(f"{word.name} takes the byte the host wrote; {event.name} has none", *where)
    args = list(TAKES[word.takes])
    if word.argument:
        section = sections.get(word.argument)
        if section is None:
            raise spec.error(f"effect {word.name} takes a code from {word.argument}, which "
                             "this spec has not", *where)
        if arg not in section:
            raise spec.error(f"effect {word.name} needs one of {word.argument}: "
                             f"{', '.join(section)}", *where)
        args.append(section[arg])
    elif arg:
        raise spec.error(f"effect {word.name} takes no argument", *where)
    return Call(word, args)


def _reach(phases, event):
    """The phases an event reaches: host writes those that do not hold IBF, the response
    those that await it."""
    return [p["name"] for p in phases if (not p["held"] if event.host else p["awaits"])]


def _rule_phases(spec, t, i, phases, phase_index, event):
    """The phases a rule names, checked against what its event can reach."""
    reach = _reach(phases, event)
    key, exclude = ("phase", False) if "phase" in t else ("phases", isinstance(t["phases"], dict))
    if key == "phase":
        named = [t["phase"]]
    elif t["phases"] == "all":
        return reach
    else:
        named = t["phases"]["all_but"] if exclude else t["phases"]
    for name in named:
        if name not in phase_index:
            raise spec.error(f"rule names unknown phase {name}", "transitions", i, key)
        if name not in reach:
            why = (f"phase {name} holds IBF, so the host cannot write in it" if event.host else
                   f"a response only reaches a phase that awaits one, not {name}")
            raise spec.error(why, "transitions", i, key)
    return [name for name in reach if name not in named] if exclude else named


def _expand(spec, sections, guards, effects, phases, phase_index, events, event_index):
    """{(phase, event): [Rule, ...]}: every rule applied to each phase and event it names.
    A rule without `next` leaves each phase as it is (its Rule's next is None)."""
    table = {}
    for i, t in enumerate(spec.data["transitions"]):
        if "next" in t and t["next"] not in phase_index:
            raise spec.error(f"transition to unknown phase {t['next']}", "transitions", i, "next")
        names = [t["event"]] if "event" in t else t["events"]
        for name in names:
            if name not in event_index:
                raise spec.error(f"transition on unknown event {name}", "transitions", i,
                                 "event" if "event" in t else "events")
        line = spec.line("transitions", i)
        for name in names:
            event = event_index[name]
            guard = None
            if "guard" in t:
                if t["guard"] not in guards:
                    raise spec.error(f"unknown guard {t['guard']} (the spec's guards are "
                                     f"{', '.join(guards)})", "transitions", i, "guard")
                guard = _call(spec, sections, guards[t["guard"]], t["guard"], event,
                              ("transitions", i, "guard"))
            calls = []
            for j, written in enumerate(t["do"]):
                word = effects.get(written.partition(":")[0])
                if word is None:
                    raise spec.error(f"unknown effect {written.partition(':')[0]} (the spec's "
                                     f"effects are {', '.join(effects)})", "transitions", i, "do", j)
                calls.append(_call(spec, sections, word, written, event, ("transitions", i, "do", j)))
            for phase in _rule_phases(spec, t, i, phases, phase_index, event):
                rules = table.setdefault((phase, name), [])
                _check_new_outcome(spec, phase, name, rules, guard, i)
                rules.append(Rule(guard, calls, t.get("next"), line))
    return table


def _check_new_outcome(spec, phase, event, rules, guard, i):
    """A phase/event pair takes one unguarded rule, or guarded rules with distinct guards."""
    for earlier in rules:
        if earlier.guard is None or guard is None or earlier.guard.word is guard.word:
            raise spec.error(f"phase {phase} on {event} already has an outcome "
                             f"(line {earlier.line})", "transitions", i)


def _apply_catch_alls(table, phases, events):
    """A phase with no rules for an event named for a code follows its catch-all event."""
    catch_all = {e.source: e for e in events if e.code in ("other", "any")}
    for phase in phases:
        for event in events:
            fallback = catch_all.get(event.source)
            key = (phase["name"], event.name)
            if key not in table and fallback is not None and fallback is not event:
                rules = table.get((phase["name"], fallback.name))
                if rules:
                    table[key] = rules


def _check_complete(spec, table, phases, events, groups):
    for phase in phases:
        for event in events:
            if phase["name"] not in _reach(phases, event):
                continue
            rules = table.get((phase["name"], event.name))
            if not rules:
                raise spec.error(f"phase {phase['name']} has no transition on {event.name}",
                                 "transitions")
            if rules[0].guard is None:
                continue
            group = rules[0].guard.word.group
            used = {r.guard.word.name for r in rules}
            missing = [w.name for w in groups[group] if w.name not in used]
            strays = [r for r in rules if r.guard.word.group != group]
            if strays:
                raise spec.error(f"phase {phase['name']} on {event.name} mixes guards of groups "
                                 f"{group} and {strays[0].guard.word.group}", "transitions")
            if missing:
                where = min(r.line for r in rules)
                raise SpecError(spec.path, where,
                                     f"phase {phase['name']} on {event.name}: guards do not cover "
                                     f"every case (add {', '.join(missing)})")


def _check_reachable(spec, table, phases, events):
    reachable = {phases[0]["name"]}
    frontier = [phases[0]["name"]]
    while frontier:
        here = frontier.pop()
        for event in events:
            for rule in table.get((here, event.name), []):
                if rule.next is not None and rule.next not in reachable:
                    reachable.add(rule.next)
                    frontier.append(rule.next)
    for phase in phases:
        if phase["name"] not in reachable:
            raise spec.error(f"phase {phase['name']} cannot be reached from {phases[0]['name']}",
                             "phases", phase["index"])


def _phase_branches(table, phases, event):
    """An event's switch on the phase alone: groups of phases that follow the same rules.
    `covers_all` tells the template that the last case can be the switch's default."""
    groups = {}
    for phase in phases:
        rules = table.get((phase["name"], event.name))
        if not rules:
            continue
        key = tuple(r.key() for r in rules)
        if key not in groups:
            groups[key] = Branch([], rules)
            event.branches.append(groups[key])
        groups[key].phases.append(phase)
    event.covers_all = sum(len(b.phases) for b in event.branches) == len(phases)


def _host_branches(table, phases, events, source):
    """A host write's switch: by phase, then by the value written. Phases that answer
    every value alike share one case; within a phase, values answered alike share one
    test, and the catch-all's rules are the last `else`."""
    host_events = [e for e in events if e.source == source]
    branches = {}
    for phase in phases:
        if phase["held"]:
            continue
        cases, seen = [], {}
        for event in host_events:
            rules = table[(phase["name"], event.name)]
            key = tuple(r.key() for r in rules)
            if key in seen:
                seen[key].events.append(event)
            else:
                seen[key] = ValueCase([event], rules)
                cases.append(seen[key])
        cases.sort(key=lambda c: any(e.code in ("any", "other") for e in c.events))
        key = tuple(tuple(r.key() for r in c.rules) + tuple(e.name for e in c.events)
                    for c in cases)
        if key not in branches:
            branches[key] = HostBranch([], cases)
        branches[key].phases.append(phase)
    return list(branches.values())


def _edges(spec, phases, phase_index, events, event_index):
    """The diagram: one edge per phase a rule names, and one edge from a node of its own
    for a rule written for all phases (or all but some), as the spec says it once. A
    rule that keeps the phase is a loop on each phase it names."""
    edges, groups = {}, {}
    for i, t in enumerate(spec.data["transitions"]):
        names = [t["event"]] if "event" in t else t["events"]
        label = ", ".join(names) + (f" [{t['guard']}]" if "guard" in t else "")
        named = _rule_phases(spec, t, i, phases, phase_index, event_index[names[0]])
        if "next" not in t:
            pairs = [(p, p) for p in named]
        elif t.get("phases") == "all" or isinstance(t.get("phases"), dict):
            but = t["phases"]["all_but"] if isinstance(t["phases"], dict) else []
            text = "every phase" + (f" but {', '.join(but)}" if but else "")
            node = groups.setdefault(text, f"from_{len(groups)}")
            pairs = [(node, t["next"])]
        else:
            pairs = [(p, t["next"]) for p in named]
        for pair in pairs:
            labels = edges.setdefault(pair, [])
            if label not in labels:
                labels.append(label)
    return ([{"source": a, "target": b, "labels": labels} for (a, b), labels in edges.items()],
            [{"name": node, "text": text} for text, node in groups.items()])


def _bit_context(prefix, r, event_index):
    """A bit register as the templates write it: each bit's mask, what a write does and
    the machine field or event behind it."""
    bits = []
    for b in r["bits"]:
        bits.append({"name": b["name"], "bit": b["bit"], "write": b["write"],
                     "read": b.get("read", ""), "doc": b["doc"],
                     "mask": f"{prefix.upper()}_{r['name'].upper()}_{b['name']}",
                     "field": b["name"].lower(),
                     "event": event_index.get(f"{r['write']}:{b['name']}")})
    return {"name": r["name"], "offset": r["offset"], "write": r["write"], "bits": bits}


def build(spec, schema_dir):
    """Check an interface spec and return the templates' context."""
    _check_status(spec)
    _check_capabilities(spec)
    bit_registers = _bit_registers(spec)
    transfers = _smbus(spec)
    sections = _argument_sections(spec, schema_dir)
    guards, groups, effects = _vocabulary(spec)
    phases, phase_index = _phases(spec, bit_registers)
    events, event_index = _events(spec, bit_registers, transfers)
    table = _expand(spec, sections, guards, effects, phases, phase_index, events, event_index)
    _apply_catch_alls(table, phases, events)
    _check_complete(spec, table, phases, events, groups)
    _check_reachable(spec, table, phases, events)
    # A host write compared with codes switches on the phase, then on the value; every
    # other event (a bit written, a byte taken whatever it is, the response) on the phase.
    compared = {e.source for e in events
                if e.host and e.source not in bit_registers and e.code not in ("other", "any")}
    for event in events:
        if event.source not in compared:
            _phase_branches(table, phases, event)
    edges, edge_groups = _edges(spec, phases, phase_index, events, event_index)
    d = spec.data
    prefix = d["name"]
    return {
        "spec": d,
        "name": d["name"],
        "prefix": prefix,
        "phases": phases,
        "events": events,
        "host_branches": {s: _host_branches(table, phases, events, s) for s in sorted(compared)},
        "event": event_index,
        "response_event": next(e for e in events if not e.host),
        "registers": sorted(d.get("registers", []), key=lambda r: r["offset"]),
        "bit_registers": [_bit_context(prefix, r, event_index)
                          for r in sorted(bit_registers.values(), key=lambda r: r["offset"])],
        "held_phases": [p for p in phases if p["held"]],
        "awaiting_phases": [p for p in phases if p["awaits"]],
        "guard_groups": groups,
        "effects": list(effects.values()),
        "edges": edges,
        "edge_groups": edge_groups,
    }
