"""CLI commands, one module per command (or family); each module has ``register(app)``."""
