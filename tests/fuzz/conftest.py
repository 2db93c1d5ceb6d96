"""Hypothesis profiles: `ci` for the test suite; benchmarks/fuzz.py sets TRIPWIRE_FUZZ_EXAMPLES
for a longer run."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
settings.register_profile(
    "long", max_examples=int(os.environ.get("TRIPWIRE_FUZZ_EXAMPLES", "500")), deadline=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile("long" if "TRIPWIRE_FUZZ_EXAMPLES" in os.environ else "ci")
