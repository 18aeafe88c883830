"""Laying out a ``ronda.printing.poster.Sheet`` for paper and phones: text, Markdown, WhatsApp,
HTML and PDF. Each module turns sheets into a string or bytes; none prints or opens files."""
