"""Transfer Family server: each enabled protocol per hour, and the data it moves.

`protocols` defaults to SFTP. Every protocol (SFTP, FTPS, FTP, AS2) has the same hourly
rate.

- Protocol enabled (a line per protocol, e.g. "SFTP protocol enabled"): hour,
  `transfer:protocol:hour`
- Data downloaded (usage: `monthly_data_downloaded_gb`): GB, `transfer:download:gb`
- Data uploaded (usage: `monthly_data_uploaded_gb`): GB, `transfer:upload:gb`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_transfer_server",)
USAGE_KEYS = ("monthly_data_downloaded_gb", "monthly_data_uploaded_gb")
DEFAULT_PROTOCOLS = ("SFTP",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    # Without `protocols` the plan shows it unknown (the provider fills in SFTP).
    if not view.configured("protocols"):
        protocols = list(DEFAULT_PROTOCOLS)
    elif view.is_unknown("protocols"):
        raise UnknownAttributeError("protocols")
    else:
        protocols = sorted(set(view.strings("protocols"))) or list(DEFAULT_PROTOCOLS)
    return [
        *(
            ComponentSpec(
                f"{protocol} protocol enabled",
                "hour",
                keys.TRANSFER_PROTOCOL_HOUR,
                HOURS_PER_MONTH,
            )
            for protocol in protocols
        ),
        usage_spec(
            view, "Data downloaded", "GB", keys.TRANSFER_DOWNLOAD_GB, "monthly_data_downloaded_gb"
        ),
        usage_spec(
            view, "Data uploaded", "GB", keys.TRANSFER_UPLOAD_GB, "monthly_data_uploaded_gb"
        ),
    ]
