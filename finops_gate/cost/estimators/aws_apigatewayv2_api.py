"""API Gateway v2 API: HTTP or WebSocket (depends on usage).

- HTTP requests (usage: `monthly_requests`, each 512 KB chunk of `request_size_kb`
  counted): 1M requests, `apigateway:http:requests` (first tier)
- WebSocket messages (usage: `monthly_messages`, each 32 KB chunk of `message_size_kb`
  counted): 1M messages, `apigateway:websocket:messages`
- WebSocket connection minutes (usage: `monthly_connection_mins`): 1M minutes,
  `apigateway:websocket:minutes`
"""

from __future__ import annotations

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
            chunked_requests(
                view,
                "Messages",
                keys.APIGATEWAY_WEBSOCKET_MESSAGES,
                "monthly_messages",
                "message_size_kb",
                32,
                unit="1M messages",
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
        chunked_requests(
            view,
            "Requests",
            keys.APIGATEWAY_HTTP_REQUESTS,
            "monthly_requests",
            "request_size_kb",
            512,
        )
    ]
