"""``python -m luohu_cli`` runs the ``luohu`` command line.

    $ python -m luohu_cli extract seeds/luohu-2023.txt --format csv
"""
from .cli import main

if __name__ == "__main__":
    main()
