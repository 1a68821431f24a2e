"""Build hook: an editable install compiles the package's bytecode in the source tree.

`uv run` installs the project editable, which puts no bytecode anywhere; where
PYTHONDONTWRITEBYTECODE=1 is set, Python then compiles every module of the
package again at each start. Compiling them once here, when uv (or pip) makes
the editable install, gives every later run the .pyc files to read. A module
edited afterwards is recompiled by Python as usual (its .pyc records the
source's time and size). Wheels and sdists are not touched: their installer
compiles them (uv's compile-bytecode, pip by default).
"""
from __future__ import annotations

import compileall
import os

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version != "editable":
            return
        try:  # never a reason for the install to fail: Python compiles as it imports
            compileall.compile_dir(os.path.join(self.root, "luohu_cli"), quiet=2)
        except Exception:  # pragma: no cover
            pass
