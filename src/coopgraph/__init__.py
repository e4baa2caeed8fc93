"""coopgraph: knowledge graphs of regional and interstate cooperation from news articles."""

__version__ = "0.1.0"
