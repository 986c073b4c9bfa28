"""Patterns of the price keys that carry a name, and `is_declared`: the checks of the
vocabulary declared in `finops_gate.pricing.keys`.

The table builder, its checks and the tests ask whether a key belongs to the vocabulary;
a run never does (it looks keys up in the table). Compiling these patterns took about
3 ms, so they live apart from the key constants and builders every run imports.
"""

from __future__ import annotations

import re

from finops_gate.pricing.keys import (
    ELASTICACHE_ENGINES,
    GLOBAL_ACCELERATOR_DT_PREMIUM_PRICED,
    MQ_DEPLOYMENTS,
    MQ_ENGINES,
    RDS_DEPLOYMENTS,
    RDS_ENGINES,
    RDS_ENGINES_WITHOUT_SOURCE,
    RDS_PI_RETENTION_PRICED_FAMILIES,
    RESERVED_ALL_UPFRONT,
    RESERVED_RECURRING_PAYMENTS,
    SERVICE_KEYS_SET,
    UNPRICED_KEYS,
)

# A reservation's recurring rate as a suffix of the on-demand key (db_reserved), for the
# payments that have one in the data
_RESERVED_RECURRING = rf":reserved:[13]y:(?:{'|'.join(RESERVED_RECURRING_PAYMENTS)})"
_EC2_RESERVED_RECURRING = (
    r"ec2:[a-z0-9][a-z0-9.-]*:reserved:(?:standard|convertible):[13]y"
    rf":(?:{'|'.join(RESERVED_RECURRING_PAYMENTS)})"
)
_RDS_INSTANCE = rf"rds:db\.[a-z0-9.-]+:(?:{'|'.join(RDS_ENGINES)}):(?:{'|'.join(RDS_DEPLOYMENTS)})"
_ELASTICACHE_NODE = rf"elasticache:cache\.[a-z0-9.-]+:(?:{'|'.join(ELASTICACHE_ENGINES)})"
_EC2_HOST = r"ec2-host:[a-z0-9-]+"

# Keys besides SERVICE_KEYS that the table holds: EC2 instance types (on-demand, spot,
# dedicated, the EBS-optimized fee of the previous-generation types that charge one, the
# recurring rate of Linux shared-tenancy Reserved Instances), RDS instance class x engine x
# deployment, ElastiCache node x engine and EC2 Dedicated Hosts (each also reserved),
# OpenSearch, Redshift and MSK nodes.
INSTANCE_KEY = re.compile(
    r"ec2:[a-z0-9][a-z0-9.-]*(?::spot|:dedicated|:ebs-optimized)?"
    rf"|{_EC2_RESERVED_RECURRING}"
    r"|ec2:[a-z0-9][a-z0-9.-]*:windows(?::dedicated)?"
    rf"|{_RDS_INSTANCE}(?:{_RESERVED_RECURRING})?"
    rf"|{_ELASTICACHE_NODE}(?:{_RESERVED_RECURRING})?"
    r"|opensearch:[a-z0-9.-]+\.search"
    r"|redshift:(?:dc2|ds2|ra3)\.[a-z0-9.-]+(?::concurrency-scaling)?"
    r"|msk:kafka\.[a-z0-9.-]+"
    r"|codebuild:[a-z0-9-]+:[a-z0-9.-]+"
    rf"|mq:mq\.[a-z0-9.-]+:(?:{'|'.join(MQ_ENGINES)}):(?:{'|'.join(MQ_DEPLOYMENTS)})"
    r"|docdb:db\.[a-z0-9.-]+"
    r"|neptune:db\.[a-z0-9.-]+(?::iopt1)?"
    rf"|dms:dms\.[a-z0-9.-]+:(?:{'|'.join(RDS_DEPLOYMENTS)})"
    r"|dx:(?:dedicated|hosted):[0-9]+(?:\.[0-9]+)?[mg]bps:hour"
    r"|lightsail:[0-9.]+gb:(?:linux|windows)(?::ipv6)?"
    rf"|{_EC2_HOST}(?:{_RESERVED_RECURRING})?"
)

# Key forms an estimator builds that no price source publishes (name -> (form, reason)).
UNPRICED_FORMS: dict[str, tuple[re.Pattern[str], str]] = {
    "lightsail-bundle": (
        re.compile(r"lightsail:bundle:[a-z0-9_.-]+"),
        "Lightsail bundles whose id does not name a general-purpose size (nano ... 4xlarge), "
        "e.g. memory- or compute-optimized bundles: the sources price the general-purpose "
        "Linux and Windows bundles only",
    ),
    "ec2-platform": (
        re.compile(
            r"ec2:(?!cpu-credits:)[a-z0-9][a-z0-9.-]*"
            r":(?!spot$|dedicated$|ebs-optimized$|windows$|windows:dedicated$)"
            r"[a-z0-9-]+"
            r"(?::dedicated)?"
        ),
        "EC2 instances and capacity reservations on a platform other than Linux/UNIX and "
        "Windows (RHEL, SUSE...): the sources hold Linux and (eu-west-1, and a us-east-1 "
        "type) Windows on-demand prices only",
    ),
    "ec2-reserved-without-source": (
        re.compile(
            # not the Linux, shared-tenancy rate (INSTANCE_KEY), nor All Upfront (below)
            rf"(?!{_EC2_RESERVED_RECURRING}$)"
            r"ec2:[a-z0-9][a-z0-9.-]*(?::[a-z0-9-]+)?:reserved:(?:standard|convertible):[13]y"
            rf":(?:{'|'.join(RESERVED_RECURRING_PAYMENTS)})(?::dedicated)?"
        ),
        "EC2 Reserved Instances other than Linux, shared tenancy (Windows, RHEL, SUSE and "
        "dedicated rates): no source in shared/price-sources",
    ),
    "db-reserved-without-source": (
        re.compile(
            rf"(?!(?:{_RDS_INSTANCE}|{_ELASTICACHE_NODE}|{_EC2_HOST}){_RESERVED_RECURRING}$)"
            rf"(?:rds|elasticache|ec2-host):[a-z0-9.:-]+{_RESERVED_RECURRING}"
        ),
        "reserved RDS instances of engines no source covers (RDS_ENGINES_WITHOUT_SOURCE)",
    ),
    "reserved-all-upfront": (
        re.compile(
            r"(?:ec2|rds|elasticache|ec2-host):[a-z0-9.:-]+:reserved"
            rf":(?:(?:standard|convertible):)?[13]y:{RESERVED_ALL_UPFRONT}(?::dedicated)?"
        ),
        "All Upfront reservations: AWS's price lists publish the recurring hourly rate of "
        "every All Upfront offer as 0.00, so estimators price it at that zero and the table "
        "(positive prices only) holds no figure for it",
    ),
    "rds-performance-insights-retention-without-source": (
        re.compile(
            rf"rds:performance-insights:retention:"
            rf"(?!(?:{'|'.join(RDS_PI_RETENTION_PRICED_FAMILIES)})$)[a-z0-9-]+"
        ),
        "Performance Insights long-term retention of instance families other than "
        "RDS_PI_RETENTION_PRICED_FAMILIES: only Infracost's golden outputs price it, for those",
    ),
    "rds-engine-without-source": (
        re.compile(
            rf"rds:db\.[a-z0-9.-]+:(?:{'|'.join(RDS_ENGINES_WITHOUT_SOURCE)})"
            rf":(?:{'|'.join(RDS_DEPLOYMENTS)})"
        ),
        "RDS engines of RDS_ENGINES_WITHOUT_SOURCE (Db2, RDS Custom)",
    ),
    "globalaccelerator-dt-premium": (
        re.compile(
            rf"(?!(?:{'|'.join(map(re.escape, GLOBAL_ACCELERATOR_DT_PREMIUM_PRICED))})$)"
            r"globalaccelerator:dt-premium:[a-z]+:[a-z]+:(?:in|out)"
        ),
        "Global Accelerator data-transfer premium between region groups other than those of "
        "GLOBAL_ACCELERATOR_DT_PREMIUM_PRICED: the only source with these rates (Infracost's "
        "golden outputs) covers Europe inbound and North America outbound to Europe and Asia",
    ),
}


def is_declared(key: str) -> bool:
    """Whether `key` belongs to the vocabulary (priced somewhere or on a no-source list)."""
    return (
        key in SERVICE_KEYS_SET
        or key in UNPRICED_KEYS
        or INSTANCE_KEY.fullmatch(key) is not None
        or any(form.fullmatch(key) for form, _ in UNPRICED_FORMS.values())
    )
