"""Model serving: `ml.train` makes the artifact, `ml.model` loads and runs it (stdlib only)."""
