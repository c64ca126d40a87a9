"""Shared test settings: one Hypothesis profile, no deadlines (CI machines vary), reproducible runs."""

from hypothesis import HealthCheck, settings

settings.register_profile(
    "reformlab",
    deadline=None,
    max_examples=200,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("reformlab")
