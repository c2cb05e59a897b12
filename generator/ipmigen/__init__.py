# SPDX-License-Identifier: GPL-2.0-or-later
"""ipmigen: the IPMI spec-to-C generator (see __main__.py for usage)."""
