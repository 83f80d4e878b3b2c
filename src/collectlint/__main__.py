from __future__ import annotations

from collectlint.entry import main

if __name__ == "__main__":
    main()
