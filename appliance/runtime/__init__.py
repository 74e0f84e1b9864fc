"""The running appliance.

`engines` loads the models and builds the providers and routers once (`factories`
makes each provider), and `reloading` swaps in new settings.
"""

__all__: list[str] = []
