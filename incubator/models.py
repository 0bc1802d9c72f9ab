"""Models of the incubator app (built by a later issue)."""
