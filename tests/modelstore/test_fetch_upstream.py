from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest

from appliance.modelstore import FetchError, ModelStore
from appliance.modelstore.offline import find_installed

pytestmark = pytest.mark.unit

NAME = "smart-turn-v3.2"
HUB_PATH = "pipecat-ai/smart-turn-v3/resolve/main/smart-turn-v3.2-cpu.onnx"


@pytest.fixture
def mirror(http_root: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A local mirror of the hub; returns where the served file goes."""
    root, base_url = http_root
    monkeypatch.setenv("APPLIANCE_UPSTREAM_MIRROR", base_url + "/")
    served = root / HUB_PATH
    served.parent.mkdir(parents=True)
    return served


def _real_smart_turn(store: ModelStore) -> Path:
    path = find_installed(store.manifest.get(NAME).files[0].offline[0])
    assert path is not None
    return path


def test_upstream_fetch_downloads_from_the_mirror_and_checks_the_hash(
    store: ModelStore, mirror: Path
):
    shutil.copyfile(_real_smart_turn(store), mirror)
    (report,) = store.fetch([NAME], source="upstream", progress=False)
    assert report.files[0].origins[0].endswith("/" + HUB_PATH)
    assert report.files[0].origins[0].startswith("http://127.0.0.1:")
    store.require(NAME)


def test_upstream_file_with_the_wrong_hash_is_rejected_and_not_kept(
    store: ModelStore, mirror: Path
):
    real = _real_smart_turn(store).read_bytes()
    mirror.write_bytes(bytes(len(real)))  # right size, wrong bytes
    with pytest.raises(FetchError) as caught:
        store.fetch([NAME], source="upstream", progress=False)
    assert "(sha256 mismatch); nothing was written" in str(caught.value)
    assert list(store.model_dir(NAME).iterdir()) == []


def test_upstream_file_of_the_wrong_size_fails_before_downloading(store: ModelStore, mirror: Path):
    mirror.write_bytes(b"an error page")
    with pytest.raises(FetchError, match="offers 13 bytes but the manifest expects 8679182"):
        store.fetch([NAME], source="upstream", progress=False)


def test_upstream_not_found_names_the_url_and_the_offline_source(store: ModelStore, mirror: Path):
    with pytest.raises(FetchError) as caught:
        store.fetch([NAME], source="upstream", progress=False)
    assert "answered HTTP 404" in str(caught.value)
    assert "--source offline" in str(caught.value)


def test_unreachable_upstream_suggests_the_offline_source(
    store: ModelStore, monkeypatch: pytest.MonkeyPatch
):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("APPLIANCE_UPSTREAM_MIRROR", f"http://127.0.0.1:{port}")
    with pytest.raises(FetchError) as caught:
        store.fetch([NAME], source="upstream", progress=False)
    message = str(caught.value)
    assert message.startswith(
        f"model 'smart-turn-v3.2': cannot download http://127.0.0.1:{port}/{HUB_PATH} ("
    )
    assert "use --source offline" in message
    assert caught.value.retryable
    assert list(store.model_dir(NAME).iterdir()) == []
