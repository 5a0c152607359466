"""Python's cycle collector, set once per server process for a server that holds many sessions.

Measured on one replica with 300 and then 350 people (docs/performance.md section 8, about a
minute): 14 full collections of up to 160 – 170 ms each, 1.6 – 1.8 s in all, each holding the
interpreter lock while every rerun in flight waited. Two settings, made at the end of the
process's first run:

- ``gc.freeze()``: what exists then (the imported modules, the loaded content and its graph,
  about 140,000 objects) lives as long as the process; frozen, no collection walks it again.
  Freezing is cheap (lists are joined, nothing is walked). Only once: a later freeze would take
  live sessions' objects along, and a frozen object in a cycle is never freed.
- A young generation of 10,000 objects instead of 700 (``gc.set_threshold``): a rerun's own
  objects die by reference count before a collection promotes them to the old generation, so the
  old generation grows slowly and full collections become rare. Cycles are still collected,
  a little later; the other two thresholds are Python's.

Together: no full collection in that minute, and the collector's time in all 0.5 s.
"""

from __future__ import annotations

import gc

#: Objects allocated (net) before a young collection; Python's default is 700.
YOUNG_GENERATION = 10_000


class _Once:
    done = False


def settle_after_first_run() -> None:
    """Freeze what is alive at the end of this process's first run and set the young generation;
    later calls do nothing."""
    if _Once.done:
        return
    _Once.done = True
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION, middle, old)
