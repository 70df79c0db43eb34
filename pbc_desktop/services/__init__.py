"""Use cases: the only code that writes. Each write is one transaction with an audit entry."""
