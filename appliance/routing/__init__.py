"""Per-turn routing across local and remote providers.

Budgets, confidence, privacy, cost, circuit breakers, failover and hedging.
"""

from appliance.routing.breaker import CircuitBreaker
from appliance.routing.ledger import CostLedger
from appliance.routing.privacy import PrivacyPolicy, detect_personal_data
from appliance.routing.routed import RoutedChatModel, RoutedSpeechToText, RoutedTextToSpeech
from appliance.routing.router import RoleRouter, RouteLog, RouteRecord
from appliance.routing.stats import ProviderStats
from appliance.routing.strategy import BudgetRoutingStrategy, RouteDecision

__all__ = [
    "BudgetRoutingStrategy",
    "CircuitBreaker",
    "CostLedger",
    "PrivacyPolicy",
    "ProviderStats",
    "RoleRouter",
    "RouteDecision",
    "RouteLog",
    "RouteRecord",
    "RoutedChatModel",
    "RoutedSpeechToText",
    "RoutedTextToSpeech",
    "detect_personal_data",
]
