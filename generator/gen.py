#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Entry point for meson and for people: runs the ipmigen package beside this file."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ipmigen.__main__ import main  # noqa: E402

sys.exit(main())
