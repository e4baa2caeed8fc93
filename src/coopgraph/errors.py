"""Errors a user can cause. The CLI turns each into one line `Error: ...` and exit code 1."""


class CoopgraphError(Exception):
    """Base class: anything the user can fix (bad input, bad query, missing store)."""


class InputError(CoopgraphError):
    """A document cannot be read as an article."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class QueryError(CoopgraphError):
    """A SPARQL query is malformed or not allowed."""


class StoreError(CoopgraphError):
    """The store is missing, locked or empty."""


class ModelError(CoopgraphError):
    """The spaCy model cannot be loaded."""
