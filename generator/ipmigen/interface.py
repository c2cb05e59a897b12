# SPDX-License-Identifier: GPL-2.0-or-later
"""The `interface` kind of model: a system interface's BMC-side state machine.

The schema checks each field on its own; this module checks how they refer to each other
(a phase names a declared state, a rule declared phases, events and vocabulary words)
and that the table is complete and unambiguous: every phase answers every event the host
or the BMC can send it with exactly one outcome, and guarded rules use whole guard
groups. It then shapes the table for the templates: one branch per event, phases that
act alike sharing a case, and the edges of the machine's diagram.
"""

from dataclasses import dataclass, field

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
    source: str        # "command", "data" or "response"
    code: str          # control code name, "other", "any", or ""
    branches: list = field(default_factory=list)

    @property
    def host(self):
        return self.source != "response"


# What each kind of parameter passes, as C expressions in the generated step functions.
TAKES = {"": [], "value": ["value"], "response": ["response", "len"]}
ARGUMENT_PREFIX = {"error_codes": "ERROR", "control_codes": "CONTROL"}


def _check_status(spec):
    d = spec.data
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


def _phases(spec):
    d = spec.data
    states = d["status"]["states"]
    phases, index = [], {}
    for i, p in enumerate(d["phases"]):
        if p["name"] in index:
            raise spec.error(f"phase {p['name']} is declared twice", "phases", i, "name")
        if p["state"] not in states:
            raise spec.error(f"phase {p['name']} shows unknown state {p['state']} "
                             f"(states: {', '.join(states)})", "phases", i, "state")
        index[p["name"]] = i
        phases.append({"name": p["name"], "state": p["state"], "state_value": states[p["state"]],
                       "held": p.get("ibf") == "held", "doc": p["doc"], "index": i})
    if phases[0]["held"]:
        raise spec.error("the first phase is where the machine starts; it cannot hold IBF", "phases", 0)
    return phases, index


def _events(spec):
    d = spec.data
    events, index = [], {}
    for i, name in enumerate(d["events"]):
        source, _, code = name.partition(":")
        if code not in ("", "other", "any") and code not in d["control_codes"]:
            raise spec.error(f"event {name} names unknown control code {code}", "events", i)
        events.append(Event(name, source, code))
        index[name] = events[-1]
    for source, catch_all in (("command", "other"), ("data", "any")):
        names = [e for e in events if e.source == source]
        if names and names[-1].code != catch_all:
            raise spec.error(f"the last {source} event must be {source}:{catch_all}, so every "
                             f"value the host writes has an outcome", "events")
    if not any(e.source == "response" for e in events):
        raise spec.error("events must include `response`, the BMC's answer", "events")
    return events, index


def _call(spec, word, written, event, where):
    """A guard or effect as written in a rule (`name` or `name:ARG`), checked."""
    _, _, arg = written.partition(":")
    if word.event and word.event != event.source:
        raise spec.error(f"{word.name} only applies to {word.event} events, not {event.name}", *where)
    if word.takes == "value" and not event.host:
        raise spec.error(f"{word.name} takes the byte the host wrote; {event.name} has none", *where)
    args = list(TAKES[word.takes])
    if word.argument:
        section = spec.data[word.argument]
        if arg not in section:
            raise spec.error(f"effect {word.name} needs one of {word.argument}: "
                             f"{', '.join(section)}", *where)
        args.append(f"{spec.data['name'].upper()}_{ARGUMENT_PREFIX[word.argument]}_{arg}")
    elif arg:
        raise spec.error(f"effect {word.name} takes no argument", *where)
    return Call(word, args)


def _rule_phases(spec, t, i, phases, phase_index, event):
    """The phases a rule names, checked against what its event can reach."""
    reach = [p["name"] for p in phases if p["held"] != event.host]
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
                   f"a response only reaches a phase that holds IBF, not {name}")
            raise spec.error(why, "transitions", i, key)
    return [name for name in reach if name not in named] if exclude else named


def _expand(spec, guards, effects, phases, phase_index, events, event_index):
    """{(phase, event): [Rule, ...]}: every rule applied to each phase and event it names."""
    table = {}
    for i, t in enumerate(spec.data["transitions"]):
        if t["next"] not in phase_index:
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
                guard = _call(spec, guards[t["guard"]], t["guard"], event, ("transitions", i, "guard"))
            calls = []
            for j, written in enumerate(t["do"]):
                word = effects.get(written.partition(":")[0])
                if word is None:
                    raise spec.error(f"unknown effect {written.partition(':')[0]} (the spec's "
                                     f"effects are {', '.join(effects)})", "transitions", i, "do", j)
                calls.append(_call(spec, word, written, event, ("transitions", i, "do", j)))
            for phase in _rule_phases(spec, t, i, phases, phase_index, event):
                rules = table.setdefault((phase, name), [])
                _check_new_outcome(spec, phase, name, rules, guard, i)
                rules.append(Rule(guard, calls, t["next"], line))
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
            if phase["held"] == event.host:
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
                if rule.next not in reachable:
                    reachable.add(rule.next)
                    frontier.append(rule.next)
    for phase in phases:
        if phase["name"] not in reachable:
            raise spec.error(f"phase {phase['name']} cannot be reached from {phases[0]['name']}",
                             "phases", phase["index"])


def _response_branches(table, phases, event):
    """The response's switch: groups of phases that follow the same rules."""
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
    for a rule written for all phases (or all but some), as the spec says it once."""
    edges, groups = {}, {}
    for i, t in enumerate(spec.data["transitions"]):
        names = [t["event"]] if "event" in t else t["events"]
        label = ", ".join(names) + (f" [{t['guard']}]" if "guard" in t else "")
        sources = _rule_phases(spec, t, i, phases, phase_index, event_index[names[0]])
        if t.get("phases") == "all" or isinstance(t.get("phases"), dict):
            but = t["phases"]["all_but"] if isinstance(t["phases"], dict) else []
            text = "every phase" + (f" but {', '.join(but)}" if but else "")
            node = groups.setdefault(text, f"from_{len(groups)}")
            sources = [node]
        for source in sources:
            labels = edges.setdefault((source, t["next"]), [])
            if label not in labels:
                labels.append(label)
    return ([{"source": a, "target": b, "labels": labels} for (a, b), labels in edges.items()],
            [{"name": node, "text": text} for text, node in groups.items()])


def build(spec, schema_dir):
    """Check an interface spec and return the templates' context."""
    _check_status(spec)
    guards, groups, effects = _vocabulary(spec)
    phases, phase_index = _phases(spec)
    events, event_index = _events(spec)
    table = _expand(spec, guards, effects, phases, phase_index, events, event_index)
    _apply_catch_alls(table, phases, events)
    _check_complete(spec, table, phases, events, groups)
    _check_reachable(spec, table, phases, events)
    response = next(e for e in events if not e.host)
    _response_branches(table, phases, response)
    edges, edge_groups = _edges(spec, phases, phase_index, events, event_index)
    d = spec.data
    return {
        "spec": d,
        "name": d["name"],
        "prefix": d["name"],
        "phases": phases,
        "events": events,
        "command_branches": _host_branches(table, phases, events, "command"),
        "data_branches": _host_branches(table, phases, events, "data"),
        "response_event": response,
        "registers": sorted(d["registers"], key=lambda r: r["offset"]),
        "held_phases": [p for p in phases if p["held"]],
        "guard_groups": groups,
        "effects": list(effects.values()),
        "edges": edges,
        "edge_groups": edge_groups,
    }
