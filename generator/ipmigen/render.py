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

from . import commands, interface, messages, specfile, vm

TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")

# model kind -> (module that checks it and builds the template context, unit name,
#                the files each unit has)
KINDS = {
    "interface": (interface, "{name}_machine", ("h", "c", "dot")),
    "messages": (messages, "ipmi_messages", ("h", "c")),
    "commands": (commands, "cmd_{name}", ("h", "c")),
    "vm": (vm, "{name}_framing", ("h", "c")),
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
    env.filters["c_string"] = _c_string
    env.filters["capitalize_first"] = lambda t: t[:1].upper() + t[1:]
    return env


def _c_string(text):
    """A C string literal; the spec's text was checked to hold no control character."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _template(env, spec, ext):
    """The spec's own template for this file (`<name>.<ext>.j2`), else its kind's."""
    name, kind = spec.data["name"], spec.data["model"]
    for base in (name, kind):
        try:
            return env.get_template(f"{base}.{ext}.j2")
        except jinja2.TemplateNotFound:
            continue
    raise spec.error(f"no template for a {kind} model named {name} (looked for "
                     f"{name}.{ext}.j2 and {kind}.{ext}.j2 in generator/ipmigen/templates)", "name")


def render_spec(path, schema_dir):
    """Return {file name: text} for one spec, or raise SpecError."""
    spec = specfile.load(path, schema_dir)
    env = _environment()
    module, unit_pattern, exts = KINDS[spec.data["model"]]
    context = module.build(spec, schema_dir)
    unit = unit_pattern.format(name=spec.data["name"])
    context.update(unit=unit, spec_path=_display_path(path), guard=f"{unit.upper()}_H")
    outputs = {}
    for ext in exts:
        template = _template(env, spec, ext)
        try:
            outputs[f"{unit}.{ext}"] = template.render(context, template=template.name)
        except jinja2.UndefinedError as e:
            # A template of its own may need a section its kind's schema leaves optional.
            raise spec.error(f"template {template.name} needs what this spec does not say "
                             f"({e.message})", "name") from None
    return outputs


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


def write_depfile(depfile, target, schema_dir):
    """What the outputs depend on: the spec files read, the schemas, the templates and
    the generator's own modules, so the build needs no list of them."""
    deps = sorted(specfile.FILES_READ)
    deps += [os.path.join(schema_dir, f) for f in sorted(os.listdir(schema_dir))]
    deps += [os.path.join(TEMPLATES, f) for f in sorted(os.listdir(TEMPLATES))]
    here = os.path.dirname(os.path.abspath(__file__))
    deps += [os.path.join(here, f) for f in sorted(os.listdir(here)) if f.endswith(".py")]
    deps.append(os.path.join(os.path.dirname(here), "gen.py"))
    with open(depfile, "w", encoding="utf-8") as f:
        f.write(f"{target}: " + " ".join(d.replace(" ", "\\ ") for d in deps) + "\n")
