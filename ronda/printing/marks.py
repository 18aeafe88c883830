"""Text that stays text in marked-up outputs: a name or a note written into WhatsApp text or
Markdown never turns into formatting, a link or HTML. Every writer of either goes through here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# WhatsApp formats ``*bold*``, ``_italic_``, ``~strike~`` and ```` `code` ```` when a marker is
# paired at word boundaries. It has no escape character, and whether a zero-width character
# beside a marker stops the pairing depends on how each app classes it (as a space, a letter,
# or nothing at all, as Unicode's word rules do): it cannot be relied on. A name's markers are
# written as their fullwidth forms instead: they read the same, every phone has them (its CJK
# fonts), and no app takes them for markers, whatever it does with the characters around.
_WHATSAPP_MARKERS = {"*": "\uff0a", "_": "\uff3f", "~": "\uff5e", "`": "\uff40"}
_TO_WHATSAPP = str.maketrans(_WHATSAPP_MARKERS)
_FROM_WHATSAPP = str.maketrans({v: k for k, v in _WHATSAPP_MARKERS.items()})
_QUOTE = "\uff1e"  # a line starting with ``>`` is a quote
# ronda's own marks around a phrase: ``*Senin 23/11*``, ``_(Malam Selasa)_``, ``~Budi~``
_OWN_MARKS = re.compile(r"(?<!\w)[*_~](\S(?:.*?\S)?)[*_~](?!\w)")


def whatsapp_text(text: str) -> str:
    """A name or note for WhatsApp text: shown as typed, never formatting the message."""
    text = text.translate(_TO_WHATSAPP)
    return _QUOTE + text[1:] if text.startswith(">") else text


def whatsapp_plain(message: str) -> str:
    """A WhatsApp message as plain text: ronda's own marks taken off, names as typed."""
    return _OWN_MARKS.sub(r"\1", message).replace("⭐", "*").translate(_FROM_WHATSAPP) \
        .replace(_QUOTE, ">")


# Markdown punctuation that would make inline formatting, a link, an image or code; escaped
# with a backslash (CommonMark: any ASCII punctuation may be).
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]~|])")
# what makes a block when it starts a line: a heading, list item, quote or rule
_MARKDOWN_BLOCK = re.compile(r"^(?:([#+\-=])|(\d+)([.)])(?=\s|$))")


def markdown_cell(text: str) -> str:
    """Text that stays text in Markdown (a table cell, a heading, a list item): no HTML, no
    link, no emphasis, no column break, one line."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_INLINE.sub(r"\\\1", text.replace("\r", " ").replace("\n", " "))
    return _MARKDOWN_BLOCK.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


def escaper(fmt: str) -> Callable[[str], str]:
    """What keeps user text as text in output format ``fmt`` (``whatsapp``, ``md``; other
    formats need nothing)."""
    return {"whatsapp": whatsapp_text, "md": markdown_cell}.get(fmt, str)
