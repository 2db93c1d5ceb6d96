"""What the clean stage hands on: the clean body and everything moved out of it."""

from __future__ import annotations

from dataclasses import dataclass, field

from tripwire.document import Caption, Removed, Repair, Subhead


@dataclass
class CleanedArticle:
    """The clean body (paragraphs joined by a blank line) and everything that was moved out of it."""

    text: str
    title: str | None = None
    published: str | None = None
    kicker: str | None = None
    subheads: list[Subhead] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)

    def body_with_subheads(self) -> str:
        """The text with each subhead put back before its section (what a reader of the page sees)."""
        parts, last = [], 0
        for subhead in sorted(self.subheads, key=lambda s: s.start):
            parts.append(self.text[last : subhead.start])
            parts.append(subhead.text + "\n\n")
            last = subhead.start
        parts.append(self.text[last:])
        return "".join(parts)
