#!/usr/bin/env python3
"""Placeholder for the bundled modal_sandbox.py helper (SPEC §4.4); the real helper arrives in a later release."""
import sys

sys.stderr.write("modal_sandbox.py: this bundled script is not part of this release yet\n")
sys.exit(2)
