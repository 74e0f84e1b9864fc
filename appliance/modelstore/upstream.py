"""Download a model file from its own repository (or a mirror of the hub).

Only for machines that reach a hub; the appliance's usual source is offline.
`$APPLIANCE_UPSTREAM_MIRROR` replaces the `https://huggingface.co` prefix, for
hub mirrors and for tests against a local HTTP server.
"""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from collections.abc import Iterator

from appliance.modelstore.errors import FetchError
from appliance.modelstore.integrity import CHUNK_BYTES
from appliance.modelstore.manifest import UpstreamFile

MIRROR_ENV = "APPLIANCE_UPSTREAM_MIRROR"
HUB_PREFIX = "https://huggingface.co"
# Per connection attempt and per read: a stalled transfer fails instead of hanging.
READ_TIMEOUT_S = 30.0


def upstream_url(upstream: UpstreamFile) -> str:
    """The URL to download from, with the hub prefix swapped for the mirror if one is set."""
    mirror = os.environ.get(MIRROR_ENV, "").strip().rstrip("/")
    if mirror and upstream.url.startswith(HUB_PREFIX + "/"):
        return mirror + upstream.url[len(HUB_PREFIX) :]
    return upstream.url


def _unreachable(url: str, why: object) -> FetchError:
    return FetchError(
        f"cannot download {url} ({why}). This machine may not reach the model hub: "
        f"use --source offline, or set ${MIRROR_ENV} to a reachable mirror",
        retryable=True,
    )


def download_chunks(url: str, expected_size: int) -> Iterator[bytes]:
    """Stream `url` 1 MiB at a time, translating every network failure into FetchError."""
    request = urllib.request.Request(url, headers={"User-Agent": "edge-voice-appliance"})
    try:
        response = urllib.request.urlopen(request, timeout=READ_TIMEOUT_S)
    except urllib.error.HTTPError as e:
        raise FetchError(
            f"{url} answered HTTP {e.code} {e.reason}. Check the manifest's upstream entry, "
            f"or use --source offline",
            retryable=e.code >= 500 or e.code == 429,
        ) from None
    except (urllib.error.URLError, OSError) as e:
        raise _unreachable(url, getattr(e, "reason", e)) from None
    with response:
        length = response.headers.get("Content-Length")
        # A wrong length means a different file: fail before downloading it.
        if length is not None and length.isdigit() and int(length) != expected_size:
            raise FetchError(
                f"{url} offers {int(length)} bytes but the manifest expects {expected_size}; "
                f"the upstream file has changed. Use --source offline"
            )
        while True:
            try:
                chunk = response.read(CHUNK_BYTES)
            except OSError as e:
                raise _unreachable(url, e) from None
            if not chunk:
                return
            yield chunk
