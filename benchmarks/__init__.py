"""What the navigator costs, measured beside a baseline (``python -m benchmarks.bench``).

Lives outside the product: the bench, the store bench, synthetic content, the websocket driver and
the page profiler; the wheel does not ship it. May import anything; nothing in ``toolkaart`` imports it.
"""
