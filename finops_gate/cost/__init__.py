"""Monthly cost estimates from the bundled price table."""
