"""AWS region codes, as data: only a string naming one of these counts as evidence of a
provider configuration's region (an availability zone, an ARN, a service name).

Commercial, AWS GovCloud (US), China and European Sovereign Cloud regions (2026). Local
Zones and Wavelength Zones are not regions: their names start with their parent region's
code (`us-east-1-bos-1a`), which is what the evidence scan keeps. Add a region here when
AWS opens one.
"""

from __future__ import annotations

COMMERCIAL = (
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
)
GOVCLOUD = ("us-gov-east-1", "us-gov-west-1")
CHINA = ("cn-north-1", "cn-northwest-1")
EUROPEAN_SOVEREIGN_CLOUD = ("eusc-de-east-1",)

AWS_REGIONS: frozenset[str] = frozenset(COMMERCIAL + GOVCLOUD + CHINA + EUROPEAN_SOVEREIGN_CLOUD)
