from tests.routing.conftest import clock  # noqa: F401  (the hand-driven clock fixture)
