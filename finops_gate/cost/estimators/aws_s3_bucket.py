"""S3 bucket (every component depends on usage).

- Standard storage (usage: `standard.storage_gb`): GB-month, `s3:standard:storage`
- PUT, COPY, POST, LIST requests (usage: `standard.monthly_tier_1_requests`):
  1k requests, `s3:standard:put`
- GET, SELECT and other requests (usage: `standard.monthly_tier_2_requests`):
  1k requests, `s3:standard:get`

The other storage classes, and S3 Select and object tags, are shown when the usage file
gives one of their keys (Infracost's names; keys `s3:<class>:<item>`, see
`keys.s3_key`):
- `standard`: `monthly_select_data_scanned_gb`, `monthly_select_data_returned_gb` (GB)
- `intelligent_tiering`: `frequent_access_storage_gb`, `infrequent_access_storage_gb`,
  `archive_access_storage_gb`, `deep_archive_access_storage_gb` (GB-month),
  `monitored_objects` (1k objects), `monthly_tier_1_requests`, `monthly_tier_2_requests`,
  `monthly_lifecycle_transition_requests` (1k requests), `monthly_select_data_scanned_gb`,
  `monthly_select_data_returned_gb`, `early_delete_gb` (GB, at the frequent-access rate)
- `standard_infrequent_access`, `one_zone_infrequent_access`: `storage_gb`, the three
  request kinds, `monthly_data_retrieval_gb`, the two Select keys
- `glacier_flexible_retrieval`: `storage_gb`, the three request kinds,
  `monthly_<standard|expedited>_data_retrieval_requests` (1k requests),
  `monthly_<standard|expedited>_data_retrieval_gb`,
  `monthly_<standard|expedited|bulk>_select_data_<scanned|returned>_gb`,
  `early_delete_gb` (GB, at the storage rate)
- `glacier_deep_archive`: `storage_gb`, the three request kinds,
  `monthly_<standard|bulk>_data_retrieval_requests`,
  `monthly_<standard|bulk>_data_retrieval_gb`, `early_delete_gb` (Deep Archive storage,
  PUT and restore requests: us-east-1 figures from Infracost's golden output, other
  regions by the EC2 ratio, marked approximate)
- `object_tags` (top level): 10k tags, `s3:object-tags`

Storage is priced in AWS's volume tiers (first 50 TB, next 450 TB, over 500 TB: keys
`s3:standard:storage:over:<GB>`), each line named after its tier.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import given_usage_specs, usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_s3_bucket",)
GB, GB_MONTH, THOUSAND = "GB", "GB-month", "1k requests"
PER_1K = 1 / 1000
# Items every class but Standard has: (usage key, name, unit, key item, scale)
_REQUESTS = (
    ("monthly_tier_1_requests", "PUT, COPY, POST, LIST requests", THOUSAND, "put", PER_1K),
    ("monthly_tier_2_requests", "GET, SELECT and other requests", THOUSAND, "get", PER_1K),
    (
        "monthly_lifecycle_transition_requests",
        "Lifecycle transitions",
        THOUSAND,
        "lifecycle",
        PER_1K,
    ),
)
_SELECT = (
    ("monthly_select_data_scanned_gb", "Select data scanned", GB, "select-scanned", 1.0),
    ("monthly_select_data_returned_gb", "Select data returned", GB, "select-returned", 1.0),
)
_INFREQUENT = (
    ("storage_gb", "Storage", GB_MONTH, "storage", 1.0),
    *_REQUESTS,
    ("monthly_data_retrieval_gb", "Retrievals", GB, "retrieval", 1.0),
    *_SELECT,
)


def _retrievals(tiers: tuple[str, ...]) -> tuple[tuple[str, str, str, str, float], ...]:
    return tuple(
        item
        for tier in tiers
        for item in (
            (
                f"monthly_{tier}_data_retrieval_requests",
                f"Retrieval requests ({tier})",
                THOUSAND,
                f"retrieval-requests-{tier}",
                PER_1K,
            ),
            (
                f"monthly_{tier}_data_retrieval_gb",
                f"Retrievals ({tier})",
                GB,
                f"retrieval-{tier}",
                1.0,
            ),
        )
    )


CLASS_ITEMS: dict[str, tuple[tuple[str, str, str, str, float], ...]] = {
    "standard": _SELECT,
    "intelligent_tiering": (
        (
            "frequent_access_storage_gb",
            "Storage (frequent access)",
            GB_MONTH,
            "storage-frequent",
            1.0,
        ),
        (
            "infrequent_access_storage_gb",
            "Storage (infrequent access)",
            GB_MONTH,
            "storage-infrequent",
            1.0,
        ),
        ("archive_access_storage_gb", "Storage (archive access)", GB_MONTH, "storage-archive", 1.0),
        (
            "deep_archive_access_storage_gb",
            "Storage (deep archive access)",
            GB_MONTH,
            "storage-deep-archive",
            1.0,
        ),
        ("monitored_objects", "Monitoring and automation", "1k objects", "monitoring", PER_1K),
        *_REQUESTS,
        *_SELECT,
        ("early_delete_gb", "Early delete (within 30 days)", GB, "storage-frequent", 1.0),
    ),
    "standard_infrequent_access": _INFREQUENT,
    "one_zone_infrequent_access": _INFREQUENT,
    "glacier_flexible_retrieval": (
        ("storage_gb", "Storage", GB_MONTH, "storage", 1.0),
        *_REQUESTS,
        *_retrievals(("standard", "expedited")),
        *(
            (
                f"monthly_{tier}_select_data_{what}_gb",
                f"Select data {what} ({tier})",
                GB,
                f"select-{what}-{tier}",
                1.0,
            )
            for tier in ("standard", "expedited", "bulk")
            for what in ("scanned", "returned")
        ),
        ("early_delete_gb", "Early delete (within 90 days)", GB, "storage", 1.0),
    ),
    "glacier_deep_archive": (
        ("storage_gb", "Storage", GB_MONTH, "storage", 1.0),
        *_REQUESTS,
        *_retrievals(("standard", "bulk")),
        ("early_delete_gb", "Early delete (within 180 days)", GB, "storage", 1.0),
    ),
}
_CLASS_NAMES = {
    "standard": "Standard",
    "intelligent_tiering": "Intelligent-Tiering",
    "standard_infrequent_access": "Standard-IA",
    "one_zone_infrequent_access": "One Zone-IA",
    "glacier_flexible_retrieval": "Glacier Flexible Retrieval",
    "glacier_deep_archive": "Glacier Deep Archive",
}
USAGE_KEYS = (
    "standard.storage_gb",
    "standard.monthly_tier_1_requests",
    "standard.monthly_tier_2_requests",
    *(
        f"{storage_class}.{item[0]}"
        for storage_class, items in CLASS_ITEMS.items()
        for item in items
    ),
    "object_tags",
)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    specs = [
        usage_spec(
            view,
            "Standard storage",
            "GB-month",
            keys.S3_STANDARD_STORAGE,
            "standard.storage_gb",
            tiered=True,
        ),
        usage_spec(
            view,
            "PUT, COPY, POST, LIST requests",
            "1k requests",
            keys.S3_STANDARD_PUT,
            "standard.monthly_tier_1_requests",
            scale=1 / 1000,
        ),
        usage_spec(
            view,
            "GET, SELECT and other requests",
            "1k requests",
            keys.S3_STANDARD_GET,
            "standard.monthly_tier_2_requests",
            scale=1 / 1000,
        ),
    ]
    for storage_class, items in CLASS_ITEMS.items():
        specs.extend(
            given_usage_specs(
                view,
                tuple(
                    (
                        f"{storage_class}.{usage_key}",
                        f"{_CLASS_NAMES[storage_class]}: {name}",
                        unit,
                        keys.s3_key(storage_class, item),
                        scale,
                    )
                    for usage_key, name, unit, item, scale in items
                ),
            )
        )
    specs.extend(
        given_usage_specs(
            view, (("object_tags", "Object tags", "10k tags", keys.S3_OBJECT_TAGS, 1 / 10_000),)
        )
    )
    return specs
