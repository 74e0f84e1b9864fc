"""The model store's errors: each message names what failed and the command that fixes it."""

from __future__ import annotations


class ModelStoreError(Exception):
    """Any problem with the manifest, the models folder or fetching a model.

    Attributes:
        retryable: True when trying the same thing again may work (a network
            failure), False when something must change first.
    """

    retryable: bool = False


class ManifestError(ModelStoreError):
    """The model manifest is missing, not TOML, or has invalid entries."""


class UnknownModelError(ModelStoreError):
    """A model or file name that the manifest does not list."""


class ModelMissingError(ModelStoreError):
    """A model's files are not all in the models folder, or not intact."""


class ModelCorruptError(ModelMissingError):
    """A model file is present but its size or sha256 is wrong.

    A subclass of ModelMissingError: to the caller either way the model cannot
    be used until it is fetched again.
    """


class FetchError(ModelStoreError):
    """A model file could not be assembled from its source."""

    def __init__(self, message: str, *, retryable: bool = False) -> None:
        super().__init__(message)
        self.retryable = retryable
