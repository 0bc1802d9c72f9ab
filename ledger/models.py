"""Models of the ledger app."""
