"""The command layer: one module per command group, assembled in ``ronda.cli.app``."""
