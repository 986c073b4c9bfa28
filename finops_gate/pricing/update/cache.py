"""The cache directory: each downloaded file's validators and what was kept of it.

One JSON file per logical file (`offer-index`, `<service>/region-index`,
`<service>/<region>`), holding the address it came from, its ETag and Last-Modified, and
its content: the index itself, or for an offer file only the figures extracted from it (a
few kilobytes where the offer file is hundreds of megabytes). A new version of an offer has
a new address, so its entry is replaced, never accumulated. An entry that cannot be read is
treated as absent: the file is downloaded again.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from finops_gate.errors import FinopsGateError
from finops_gate.pricing.update.fetch import Validators
from finops_gate.records import record

CACHE_FORMAT = 1


class CacheError(FinopsGateError):
    """The cache directory cannot be written."""


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "finops-gate" / "price-list"


@record
class Entry:
    url: str
    validators: Validators
    content: Any


def _safe(part: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._-]", "_", part).lstrip(".")
    return cleaned or "_"


class Cache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, name: str) -> Path:
        return self.directory.joinpath(*(_safe(part) for part in name.split("/"))).with_suffix(
            ".json"
        )

    def load(self, name: str, url: str) -> Entry | None:
        """The entry for `name` if it came from `url` and is intact, else None."""
        try:
            data = json.loads(self._path(name).read_text(encoding="utf-8"))
            if data["format"] != CACHE_FORMAT or data["url"] != url:
                return None
            validators = Validators(str(data["etag"]), str(data["last_modified"]))
            return Entry(url, validators, data["content"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def store(self, name: str, entry: Entry) -> None:
        text = json.dumps(
            {
                "format": CACHE_FORMAT,
                "url": entry.url,
                "etag": entry.validators.etag,
                "last_modified": entry.validators.last_modified,
                "content": entry.content,
            },
            sort_keys=True,
        )
        path = self._path(name)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(
                prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
            )
        except OSError as error:
            raise CacheError(f"{path.parent}: cannot write the cache: {error.strerror}") from None
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.replace(temporary, path)
        except OSError as error:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise CacheError(f"{path}: cannot write the cache: {error.strerror}") from None
