"""What the cached drop-ins share: spaCy's component API, served by the wrapped original."""
from __future__ import annotations


class WrappedPipe:
    """Base of a drop-in for a spaCy component; `WRAPPED` names the attribute holding the
    original component, which answers every attribute the drop-in does not define."""

    WRAPPED = "original"

    def pipe(self, stream, batch_size: int = 128):
        for doc in stream:
            yield self(doc)

    def __getattr__(self, name):
        if name.startswith("__") or name in (self.WRAPPED, "original"):
            raise AttributeError(name)
        return getattr(getattr(self, self.WRAPPED), name)
