# SPDX-License-Identifier: GPL-2.0-or-later
"""The guest tests' named checks: one PASS/FAIL/SKIP line each, one RESULT line."""


class Checks:
    """Counts named checks; those named in `skip` are printed but not counted."""

    def __init__(self, skip, width):
        self.skip = list(skip)
        self.width = width
        self.passes = 0
        self.failures = []

    def check(self, name, ok, detail):
        if name in self.skip:
            verdict = "SKIP"
        elif ok:
            verdict = "PASS"
            self.passes += 1
        else:
            verdict = "FAIL"
            self.failures.append(name)
        print("%s %-*s %s" % (verdict, self.width, name, detail))

    def result(self):
        """Prints the RESULT line; returns the exit status (0 all passed, 1 not)."""
        if self.failures:
            print("RESULT: FAIL (%s)" % ", ".join(self.failures))
            return 1
        print("RESULT: PASS (%d checks%s)" % (
            self.passes, ", skipped: " + ", ".join(self.skip) if self.skip else ""))
        return 0
