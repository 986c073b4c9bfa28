"""API Gateway v2 API: HTTP or WebSocket (depends on usage).

- HTTP requests (usage: `monthly_requests`, each 512 KB chunk of `request_size_kb`
  counted): 1M requests, `apigateway:http:requests` (first 300M; above it
  `apigateway:http:requests:over:300`)
- WebSocket messages (usage: `monthly_messages`, each 32 KB chunk of `message_size_kb`
  counted): 1M messages, `apigateway:websocket:messages` (first 1B; above it
  `apigateway:websocket:messages:over:1000`)
- WebSocket connection minutes (usage: `monthly_connection_mins`): 1M minutes,
  `apigateway:websocket:minutes`
"""

from __future__ import annotations

from dataclasses import replace

from finops_gate.cost.estimators._requests import chunked_requests
from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_apigatewayv2_api",)
USAGE_KEYS = (
    "monthly_requests",
    "request_size_kb",
    "monthly_messages",
    "message_size_kb",
    "monthly_connection_mins",
)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    if view.string("protocol_type", "HTTP") == "WEBSOCKET":
        return [
            _tiered(
                chunked_requests(
                    view,
                    "Messages",
                    keys.APIGATEWAY_WEBSOCKET_MESSAGES,
                    "monthly_messages",
                    "message_size_kb",
                    32,
                    unit="1M messages",
                )
            ),
            usage_spec(
                view,
                "Connection minutes",
                "1M minutes",
                keys.APIGATEWAY_WEBSOCKET_MINUTES,
                "monthly_connection_mins",
                1 / 1e6,
            ),
        ]
    return [
        _tiered(
            chunked_requests(
                view,
                "Requests",
                keys.APIGATEWAY_HTTP_REQUESTS,
                "monthly_requests",
                "request_size_kb",
                512,
            )
        )
    ]


def _tiered(spec: ComponentSpec) -> ComponentSpec:
    """AWS bills HTTP requests and WebSocket messages in volume tiers."""
    return replace(spec, tiered=True)
