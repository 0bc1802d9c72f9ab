"""Models of the certificates app (built by a later issue)."""
