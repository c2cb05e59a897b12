# SPDX-License-Identifier: GPL-2.0-or-later
"""The `messages` kind of model: IPMI framing, network functions, completion codes."""

from .specfile import check_unique_values

COMMAND_SPECIFIC = (0x80, 0xbe)


def build(spec, schema_dir):
    d = spec.data
    check_unique_values(spec, d["netfns"], "NetFn", "netfns")
    # A command-specific code (80h-BEh) means what its command says, so one value has a
    # meaning per command; every other code has one meaning.
    check_unique_values(spec, {name: cc["code"] for name, cc in d["completion_codes"].items()
                               if not COMMAND_SPECIFIC[0] <= cc["code"] <= COMMAND_SPECIFIC[1]},
                        "completion code", "completion_codes")
    if "SUCCESS" not in d["completion_codes"] or d["completion_codes"]["SUCCESS"]["code"] != 0:
        raise spec.error("completion code SUCCESS must be 0x00", "completion_codes")
    codes = sorted(d["completion_codes"].items(), key=lambda kv: kv[1]["code"])
    by_value = {}  # code -> (the first name, every meaning), for the name function's switch
    for name, cc in codes:
        by_value.setdefault(cc["code"], (name, []))[1].append(cc["doc"])
    names = [(first, "; ".join(docs)) for first, docs in by_value.values()]
    return {"spec": d, "layout": d["layout"], "netfns": d["netfns"], "completion_codes": codes,
            "completion_code_names": names}
