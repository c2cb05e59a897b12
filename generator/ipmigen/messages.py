# SPDX-License-Identifier: GPL-2.0-or-later
"""The `messages` kind of model: IPMI framing, network functions, completion codes."""


def build(spec, schema_dir):
    d = spec.data
    seen = {}
    for name, cc in d["completion_codes"].items():
        if cc["code"] in seen:
            raise spec.error(f"completion code {cc['code']:#04x} is both {seen[cc['code']]} and {name}",
                             "completion_codes", name)
        seen[cc["code"]] = name
    if "SUCCESS" not in d["completion_codes"] or d["completion_codes"]["SUCCESS"]["code"] != 0:
        raise spec.error("completion code SUCCESS must be 0x00", "completion_codes")
    codes = sorted(d["completion_codes"].items(), key=lambda kv: kv[1]["code"])
    return {"spec": d, "layout": d["layout"], "netfns": d["netfns"], "completion_codes": codes}
