"""The commands of ``luohu``, one module each; what they share, once.

- :mod:`.common` -- the session, the error boundary, messages and logging;
- :mod:`.options` -- every option more than one command takes;
- :mod:`.inputs` -- reading reports, records and ``-``;
- :mod:`.outputs` -- writing to stdout or ``--output FILE``;
- :mod:`.extract`, :mod:`.diff`, :mod:`.list`, :mod:`.filter`, :mod:`.export`,
  :mod:`.panel` -- a command each: ``NAME``, ``SHORT`` (its line in ``luohu
  --help``), ``EPILOG`` (its examples) and the function typer calls.

:mod:`luohu_cli.cli` puts them together into the app. To add a command: write
its module (a function of a few lines that declares its parameters with the
aliases of :mod:`.options`, calls the library and hands the result to
:mod:`.outputs`), and add it to ``COMMANDS`` in cli.py.
"""
