# SPDX-License-Identifier: GPL-2.0-or-later
"""The `messages` kind of model: IPMI framing, network functions, completion codes."""

from .specfile import check_unique_values


def build(spec, schema_dir):
    d = spec.data
    check_unique_values(spec, d["netfns"], "NetFn", "netfns")
    check_unique_values(spec, {name: cc["code"] for name, cc in d["completion_codes"].items()},
                        "completion code", "completion_codes")
    if "SUCCESS" not in d["completion_codes"] or d["completion_codes"]["SUCCESS"]["code"] != 0:
        raise spec.error("completion code SUCCESS must be 0x00", "completion_codes")
    codes = sorted(d["completion_codes"].items(), key=lambda kv: kv[1]["code"])
    return {"spec": d, "layout": d["layout"], "netfns": d["netfns"], "completion_codes": codes}
