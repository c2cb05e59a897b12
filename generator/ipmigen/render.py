# SPDX-License-Identifier: GPL-2.0-or-later
"""From a checked spec to C text, and from C text to files.

A kind of model (the spec's `model` key) has a module here that checks it and shapes a
context; the template is named after the spec (`<name>.c.j2`, `<name>.h.j2`) when one
exists, else after its kind (`<model>.c.j2`): KCS, BT and SSIF each have a template of
their own, while every command spec shares one.
"""

import os
import tempfile

import jinja2

import functools

from . import commands, interface, messages, specfile

TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")

# model kind -> (module that checks it and builds the template context, unit name)
KINDS = {
    "interface": (interface.build, "{name}_machine"),
    "messages": (messages.build, "ipmi_messages"),
    "commands": (commands.build, "cmd_{name}"),
}


def _environment():
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters["hex2"] = lambda v: f"0x{v:02x}"
    env.filters["bit"] = lambda n: 1 << n
    env.filters["upper_id"] = lambda s: s.upper().replace(":", "_")
    return env


def _template_base(env, spec):
    name, kind = spec.data["name"], spec.data["model"]
    for base in (name, kind):
        try:
            env.get_template(f"{base}.c.j2")
            return base
        except jinja2.TemplateNotFound:
            continue
    raise spec.error(f"no template for a {kind} model named {name} "
                     f"(looked for {name}.c.j2 and {kind}.c.j2 in generator/ipmigen/templates)",
                     "name")


def _vocabulary(env, base):
    """The guards and effects a template implements, as it declares them."""
    source = env.loader.get_source(env, f"{base}.c.j2")[0]
    declared = {}
    for assign in env.parse(source).find_all(jinja2.nodes.Assign):
        if isinstance(assign.target, jinja2.nodes.Name) and isinstance(assign.node, jinja2.nodes.Const):
            declared[assign.target.name] = str(assign.node.value)
    return {
        "guards": set(declared.get("GUARDS", "").split()),
        "effects": set(declared.get("EFFECTS", "").split()),
        "effect_args": dict(a.split("=") for a in declared.get("EFFECT_ARGS", "").split()),
        "event_of": dict(a.split("=") for a in declared.get("EFFECT_EVENTS", "").split()),
        "phases": set(declared.get("REQUIRED_PHASES", "").split()),
    }


def render_spec(path, schema_dir):
    """Return {file name: text} for one spec, or raise SpecError."""
    spec = specfile.load(path, schema_dir)
    env = _environment()
    build, unit_pattern = KINDS[spec.data["model"]]
    if build is commands.build:
        build = functools.partial(build, schema_dir=schema_dir)
    base = _template_base(env, spec)
    context = build(spec, _vocabulary(env, base))
    unit = unit_pattern.format(name=spec.data["name"])
    context.update(unit=unit, spec_path=_display_path(path), template=base,
                   guard=f"{unit.upper()}_H")
    return {f"{unit}.h": env.get_template(f"{base}.h.j2").render(context),
            f"{unit}.c": env.get_template(f"{base}.c.j2").render(context)}


def _display_path(path):
    """The spec's path as a reader of the repository knows it: spec/<file>."""
    return "spec/" + os.path.basename(path)


def write_all(out_dir, outputs):
    """Write every output, each through a temporary file, only rewriting what changed."""
    os.makedirs(out_dir, exist_ok=True)
    for name, text in sorted(outputs.items()):
        target = os.path.join(out_dir, name)
        try:
            with open(target, encoding="utf-8") as f:
                if f.read() == text:
                    continue
        except OSError:
            pass
        fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=f".{name}.")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, target)


def write_depfile(depfile, target, specs, schema_dir):
    deps = list(specs)
    deps += [os.path.join(schema_dir, f) for f in sorted(os.listdir(schema_dir))]
    deps += [os.path.join(TEMPLATES, f) for f in sorted(os.listdir(TEMPLATES))]
    here = os.path.dirname(os.path.abspath(__file__))
    deps += [os.path.join(here, f) for f in sorted(os.listdir(here)) if f.endswith(".py")]
    with open(depfile, "w", encoding="utf-8") as f:
        f.write(f"{target}: " + " ".join(d.replace(" ", "\\ ") for d in deps) + "\n")
