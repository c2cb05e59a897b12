# SPDX-License-Identifier: GPL-2.0-or-later
"""The `messages` kind of model: IPMI framing, network functions, completion codes."""

from .specfile import check_unique_values

COMMAND_SPECIFIC = (0x80, 0xbe)


def build(spec, schema_dir):
    d = spec.data
    check_unique_values(spec, d["netfns"], "NetFn", "netfns")
    # A command-specific code (80h to BEh) means what its command says, so two commands
    # may give one code two names; every other code has one name.
    check_unique_values(spec, {name: cc["code"] for name, cc in d["completion_codes"].items()
                               if not COMMAND_SPECIFIC[0] <= cc["code"] <= COMMAND_SPECIFIC[1]},
                        "completion code", "completion_codes")
    if "SUCCESS" not in d["completion_codes"] or d["completion_codes"]["SUCCESS"]["code"] != 0:
        raise spec.error("completion code SUCCESS must be 0x00", "completion_codes")
    codes = sorted(d["completion_codes"].items(), key=lambda kv: kv[1]["code"])
    # ipmi_completion_code_name: one case a code, its names' meanings joined.
    by_code = {}
    for name, cc in codes:
        by_code.setdefault(cc["code"], []).append((name, cc["doc"]))
    named = [{"name": names[0][0], "doc": "; ".join(doc for _, doc in names)}
             for names in by_code.values()]
    return {"spec": d, "layout": d["layout"], "netfns": d["netfns"], "completion_codes": codes,
            "named_codes": named}
