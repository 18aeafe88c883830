"""ronda: a toolkit for neighbourhood-watch (ronda malam / siskamling) coordinators."""

__version__ = "0.1.0"
