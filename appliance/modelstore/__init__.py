"""The model manifest, fetching models into the models folder, and checking them at load.

Typical use: `ModelStore(settings.models.dir).require("whisper-tiny.en")` returns
the model's folder or raises an error that says which command fixes it.
"""

from appliance.modelstore.errors import (
    FetchError,
    ManifestError,
    ModelCorruptError,
    ModelMissingError,
    ModelStoreError,
    UnknownModelError,
)
from appliance.modelstore.manifest import (
    CarrierPart,
    Manifest,
    ModelFile,
    ModelSpec,
    UpstreamFile,
    load_manifest,
    manifest_path,
)
from appliance.modelstore.offline import WHEEL_CACHE_ENV, default_wheel_cache_dir
from appliance.modelstore.reports import FetchReport, FileFetch, ModelStatus, VerifyReport
from appliance.modelstore.store import ModelStore
from appliance.modelstore.upstream import MIRROR_ENV

__all__ = [
    "MIRROR_ENV",
    "WHEEL_CACHE_ENV",
    "CarrierPart",
    "FetchError",
    "FetchReport",
    "FileFetch",
    "ManifestError",
    "Manifest",
    "ModelCorruptError",
    "ModelFile",
    "ModelMissingError",
    "ModelSpec",
    "ModelStatus",
    "ModelStore",
    "ModelStoreError",
    "UnknownModelError",
    "UpstreamFile",
    "VerifyReport",
    "default_wheel_cache_dir",
    "load_manifest",
    "manifest_path",
]
