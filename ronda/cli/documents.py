"""Writing a report document (kas month, police handover) as Markdown or PDF."""

from __future__ import annotations

from ronda.cli.context import State
from ronda.cli.files import write_bytes_file, write_text_file
from ronda.parsing import parse_choice
from ronda.printing.document import Document

DOCUMENT_FORMATS = ("md", "pdf")


def write_document(st: State, doc: Document, fmt: str, output: str | None,
                   default_name: str) -> None:
    """Markdown to ``output`` (the screen by default), or a PDF to ``output`` (by default
    ``default_name``.pdf in the current folder)."""
    fmt = parse_choice(fmt, DOCUMENT_FORMATS, "--format")
    if fmt == "pdf":
        from ronda.printing.document import document_pdf

        target = output or f"{default_name}.pdf"
        write_bytes_file(target, document_pdf(doc))
    else:
        from ronda.printing.document import document_markdown

        target = output or "-"
        write_text_file(target, document_markdown(doc))
    if target != "-":
        st.out.done("msg.document_written", path=target)
