"""The ``luohu`` program: ``python -m luohu_cli`` and the ``luohu`` console script.

    $ python -m luohu_cli extract seeds/luohu-2023.txt --format csv

Bytecode: where ``PYTHONDONTWRITEBYTECODE=1`` is set (container images often
set it) Python reads ``.pyc`` files but never writes them, and an environment
made by ``uv run`` holds none for the dependencies, so every start would
compile jieba's 1.3 MB tables, typer, rich and regex from source again (about
half of a run on the seed). Run from a virtual environment, the program writes
the bytecode of the modules it imports, as Python does without the variable:
once, at the first run; later runs read it. A Python outside a virtual
environment is left as the variable says, and the library (``import
luohu_cli``) never changes the setting.
"""
import sys

if sys.dont_write_bytecode and sys.prefix != sys.base_prefix:
    sys.dont_write_bytecode = False

from .cli import main  # noqa: E402  (after the setting: it imports the dependencies)

if __name__ == "__main__":
    main()
