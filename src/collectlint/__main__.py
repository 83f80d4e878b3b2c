from __future__ import annotations

from collectlint.cli import main

if __name__ == "__main__":
    main()
