"""Order metadata from front matter or config."""

from __future__ import annotations

from typing import Any

from .config import Config
from .kinds.base import Hit
from .segmentation import FrontMatter


def parse(front: FrontMatter | None, config: Config) -> tuple[dict[str, Any], list[Hit]]:
    """Metadata from config overlaid with front matter, and hits for problems in it."""
    data: dict[str, Any] = config.metadata_dict()
    hits: list[Hit] = []
    if front is not None:
        data.update(front.data)
        if front.error:
            hits.append(Hit(front.start, front.end, message=front.error, data={"rule": "bad-metadata"}))
    return data, hits
