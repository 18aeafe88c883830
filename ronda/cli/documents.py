"""Writing a report document (kas month, police handover, the area's week) as Markdown,
PDF or HTML."""

from __future__ import annotations

from ronda.cli.context import State
from ronda.cli.files import write_bytes_file, write_text_file
from ronda.cli.options import parse_format
from ronda.printing.document import Document

DOCUMENT_FORMATS = ("md", "pdf")


def write_document(st: State, doc: Document, fmt: str, output: str | None,
                   default_name: str, formats: tuple[str, ...] = DOCUMENT_FORMATS) -> None:
    """Markdown to ``output`` (the screen by default), or a PDF or HTML file to ``output``
    (by default ``default_name`` with its suffix, in the current folder); ``formats``: the
    ones the command offers."""
    fmt = parse_format(fmt, formats)
    if fmt == "pdf":
        from ronda.printing.document import document_pdf

        target = output or f"{default_name}.pdf"
        write_bytes_file(target, document_pdf(doc))
    elif fmt == "html":
        from ronda.printing.document import document_html

        target = output or f"{default_name}.html"
        write_text_file(target, document_html(doc))
    else:
        from ronda.printing.document import document_markdown

        target = output or "-"
        write_text_file(target, document_markdown(doc))
    if target != "-":
        st.out.done("msg.document_written", path=target)
