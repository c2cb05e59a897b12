# SPDX-License-Identifier: GPL-2.0-or-later
"""The `interface` kind of model: a system interface's BMC-side state machine.

The schema checks each field on its own; this module checks how they refer to each other
(a phase names a declared state, a transition a declared phase, event, guard and effect)
and that the table is complete: every phase answers every event the host or the BMC can
send it, and guarded rules cover every case of their guard group. It then shapes the
table for the template: one branch per event, phases that act alike sharing a case.
"""

from dataclasses import dataclass, field

# Guards come in groups whose members between them cover every case; a phase/event pair
# that uses guards must use a whole group, so the generated code has no path that falls
# through without a transition.
GUARD_GROUPS = (
    ("request_has_room", "request_full"),
    ("response_left", "response_done"),
    ("response_empty", "response_fits", "response_too_long"),
)


@dataclass
class Rule:
    guard: str
    effects: list
    next: str
    stay: bool          # next is the phase the rule starts from

    def key(self):
        """Phases whose rules have equal keys share one case in the generated switch."""
        return (self.guard, tuple(self.effects), "" if self.stay else self.next)


@dataclass
class Branch:
    """The rules one group of phases follows for one event."""
    phases: list
    rules: list


@dataclass
class DataCase:
    """Data events that one phase answers alike, and the rules it answers them with."""
    events: list
    rules: list


@dataclass
class DataBranch:
    """Phases that answer every data event alike: one case of the data switch."""
    phases: list
    cases: list


@dataclass
class Event:
    name: str          # as in the spec, e.g. "command:WRITE_START"
    source: str        # "command", "data" or "response"
    code: str          # control code name, "other", "any", or ""
    branches: list = field(default_factory=list)


def _effect_name(effect):
    return effect.split(":", 1)[0]


def build(spec, template_vocabulary):
    """Check an interface spec and return the template's context.

    template_vocabulary: {"guards": set, "effects": set, "effect_args": {effect: table}}
    where table names the spec section an effect's argument must come from.
    """
    d = spec.data
    states = d["status"]["states"]
    width = d["status"]["state_field"]["width"]
    for name, value in states.items():
        if value >= 1 << width:
            raise spec.error(f"state {name} = {value} does not fit the {width}-bit state field",
                             "status", "states", name)
    bits = d["status"]["bits"]
    taken = {}
    for name, bit in bits.items():
        if bit in taken:
            raise spec.error(f"status bit {bit} is both {taken[bit]} and {name}", "status", "bits", name)
        taken[bit] = name
        if d["status"]["state_field"]["shift"] <= bit:
            raise spec.error(f"status bit {name} overlaps the state field", "status", "bits", name)

    missing = template_vocabulary["phases"] - {p["name"] for p in d["phases"]}
    if missing:
        raise spec.error(f"the template's contracts need phases {', '.join(sorted(missing))}",
                         "phases")
    phases = []
    phase_index = {}
    for i, p in enumerate(d["phases"]):
        if p["name"] in phase_index:
            raise spec.error(f"phase {p['name']} is declared twice", "phases", i, "name")
        if p["state"] not in states:
            raise spec.error(f"phase {p['name']} shows unknown state {p['state']} "
                             f"(states: {', '.join(states)})", "phases", i, "state")
        phase_index[p["name"]] = i
        phases.append({"name": p["name"], "state": p["state"], "state_value": states[p["state"]],
                       "held": p.get("ibf") == "held", "doc": p["doc"], "index": i})
    if phases[0]["held"]:
        raise spec.error("the first phase is where the machine starts; it cannot hold IBF", "phases", 0)

    events = []
    event_index = {}
    for i, name in enumerate(d["events"]):
        source, _, code = name.partition(":")
        if code not in ("", "other", "any") and code not in d["control_codes"]:
            raise spec.error(f"event {name} names unknown control code {code}", "events", i)
        ev = Event(name, source, code)
        events.append(ev)
        event_index[name] = ev
    for source, catch_all in (("command", "other"), ("data", "any")):
        names = [e for e in events if e.source == source]
        if names and names[-1].code != catch_all:
            raise spec.error(f"the last {source} event must be {source}:{catch_all}, so every "
                             f"value the host writes has an outcome", "events")
    if not any(e.source == "response" for e in events):
        raise spec.error("events must include `response`, the BMC's answer", "events")

    table = {}
    for i, t in enumerate(d["transitions"]):
        if t["phase"] not in phase_index:
            raise spec.error(f"transition from unknown phase {t['phase']}", "transitions", i, "phase")
        if t["next"] not in phase_index:
            raise spec.error(f"transition to unknown phase {t['next']}", "transitions", i, "next")
        if t["event"] not in event_index:
            raise spec.error(f"transition on unknown event {t['event']}", "transitions", i, "event")
        guard = t.get("guard", "")
        if guard and guard not in template_vocabulary["guards"]:
            raise spec.error(f"unknown guard {guard} (the template knows "
                             f"{', '.join(sorted(template_vocabulary['guards']))})",
                             "transitions", i, "guard")
        for j, effect in enumerate(t["do"]):
            name, _, arg = effect.partition(":")
            if name not in template_vocabulary["effects"]:
                raise spec.error(f"unknown effect {name} (the template knows "
                                 f"{', '.join(sorted(template_vocabulary['effects']))})",
                                 "transitions", i, "do", j)
            wants = template_vocabulary["effect_args"].get(name)
            if wants and arg not in d[wants]:
                raise spec.error(f"effect {name} needs one of {wants}: {', '.join(d[wants])}",
                                 "transitions", i, "do", j)
            if not wants and arg:
                raise spec.error(f"effect {name} takes no argument", "transitions", i, "do", j)
        phase = phases[phase_index[t["phase"]]]
        event = event_index[t["event"]]
        if phase["held"] != (event.source == "response"):
            why = (f"phase {phase['name']} holds IBF, so the host cannot write in it"
                   if phase["held"] else
                   f"a response only reaches a phase that holds IBF, not {phase['name']}")
            raise spec.error(why, "transitions", i, "phase")
        rules = table.setdefault((phase["name"], event.name), [])
        if rules and not rules[-1].guard:
            raise spec.error(f"unreachable: an earlier rule for {phase['name']} on {event.name} "
                             "has no guard", "transitions", i)
        for name in [guard] + [_effect_name(e) for e in t["do"]]:
            source = template_vocabulary["event_of"].get(name)
            if name and source and source != event.source:
                raise spec.error(f"{name} only applies to {source} events, not {event.name}",
                                 "transitions", i)
        rules.append(Rule(guard, list(t["do"]), t["next"], t["next"] == t["phase"]))
        table[(phase["name"], event.name, "line")] = i

    # A phase with no rules for an event named for a code follows its source's
    # catch-all event (data:READ falls back to data:any, command:X to command:other).
    catch_all = {e.source: e for e in events if e.code in ("other", "any")}
    for phase in phases:
        for event in events:
            key = (phase["name"], event.name)
            fallback = catch_all.get(event.source)
            if key not in table and fallback is not None and fallback is not event:
                rules = table.get((phase["name"], fallback.name))
                if rules:
                    table[key] = rules
                    table[key + ("line",)] = table[(phase["name"], fallback.name, "line")]

    for phase in phases:
        for event in events:
            if phase["held"] != (event.source == "response"):
                continue
            rules = table.get((phase["name"], event.name))
            if not rules:
                raise spec.error(f"phase {phase['name']} has no transition on {event.name}",
                                 "transitions")
            guards = [r.guard for r in rules if r.guard]
            if rules[-1].guard:
                group = next((g for g in GUARD_GROUPS if set(guards) <= set(g)), None)
                if group is None or set(guards) != set(group):
                    missing = sorted(set(group or ()) - set(guards)) or ["an unguarded rule"]
                    raise spec.error(f"phase {phase['name']} on {event.name}: guards do not cover "
                                     f"every case (add {', '.join(missing)})", "transitions",
                                     table[(phase["name"], event.name, "line")])

    for event in events:
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

    data_events = [e for e in events if e.source == "data"]
    data_branches = {}
    for phase in phases:
        if phase["held"]:
            continue
        cases, seen = [], {}
        for event in data_events:
            rules = table[(phase["name"], event.name)]
            key = tuple(r.key() for r in rules)
            if key in seen:
                seen[key].events.append(event)
            else:
                seen[key] = DataCase([event], rules)
                cases.append(seen[key])
        # A case for the catch-all goes last: it is the `else` of the value tests.
        cases.sort(key=lambda c: any(e.code == "any" for e in c.events))
        key = tuple(tuple(r.key() for r in c.rules) + tuple(e.name for e in c.events)
                    for c in cases)
        if key not in data_branches:
            data_branches[key] = DataBranch([], cases)
        data_branches[key].phases.append(phase)

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

    registers = sorted(d["registers"], key=lambda r: r["offset"])
    return {
        "spec": d,
        "name": d["name"],
        "phases": phases,
        "events": events,
        "command_events": [e for e in events if e.source == "command"],
        "data_events": data_events,
        "data_branches": list(data_branches.values()),
        "response_event": next(e for e in events if e.source == "response"),
        "registers": registers,
        "state_shift": d["status"]["state_field"]["shift"],
        "held_phases": [p for p in phases if p["held"]],
    }
