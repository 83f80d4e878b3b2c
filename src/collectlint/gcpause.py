"""Garbage collection paused while a command-line run starts up.

Start-up builds a few hundred thousand long-lived objects (the compiled rules read from the cache, the
profiles, the model), none of them garbage; the collector still walks the young ones every 700
allocations and, now and then, all of them.  The command line pauses collection before it imports
anything (``pause``).  Once the first message has been checked, everything a run keeps is loaded:
``resume`` moves every live object into the permanent generation (``gc.freeze``), so no later
collection walks the rules or the model again, and turns collection back on.  Only ``entry.main``
pauses; a library caller's process is never touched (``resume`` does nothing unless ``pause`` ran).
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
