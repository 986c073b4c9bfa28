"""AWS Backup vault: backups and restores of the resources it protects (depends on usage).

AWS Backup bills EBS, RDS and Aurora snapshots at those services' own snapshot prices;
EFS, DynamoDB and FSx backups at AWS Backup's rates.

- EFS backup (warm) (usage: `monthly_efs_warm_backup_gb`): GB-month, `backup:efs:warm`
- EFS backup (cold) (usage: `monthly_efs_cold_backup_gb`): GB-month, `backup:efs:cold`
- EFS restore (warm) (usage: `monthly_efs_warm_restore_gb`): GB, `backup:efs:restore:warm`
- EFS restore (cold) (usage: `monthly_efs_cold_restore_gb`): GB, `backup:efs:restore:cold`
- EFS restore (item-level) (usage: `monthly_efs_item_restore_requests`): request,
  `backup:efs:restore:item`
- EBS snapshot (usage: `monthly_ebs_snapshot_gb`): GB-month, `ebs:snapshot:storage`
- RDS snapshot (usage: `monthly_rds_snapshot_gb`): GB-month, `rds:backup`
- DynamoDB backup (usage: `monthly_dynamodb_backup_gb`): GB-month, `backup:dynamodb`
- DynamoDB restore (usage: `monthly_dynamodb_restore_gb`): GB, `backup:dynamodb:restore`
- Aurora snapshot (usage: `monthly_aurora_snapshot_gb`): GB-month, `aurora:backup`
- FSx for Windows backup (usage: `monthly_fsx_windows_backup_gb`): GB-month,
  `backup:fsx-windows`
- FSx for Lustre backup (usage: `monthly_fsx_lustre_backup_gb`): GB-month,
  `backup:fsx-lustre`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_backup_vault",)
# (line name, unit, price key, usage key)
LINES: tuple[tuple[str, str, str, str], ...] = (
    ("EFS backup (warm)", "GB-month", keys.BACKUP_EFS_WARM, "monthly_efs_warm_backup_gb"),
    ("EFS backup (cold)", "GB-month", keys.BACKUP_EFS_COLD, "monthly_efs_cold_backup_gb"),
    ("EFS restore (warm)", "GB", keys.BACKUP_EFS_RESTORE_WARM, "monthly_efs_warm_restore_gb"),
    ("EFS restore (cold)", "GB", keys.BACKUP_EFS_RESTORE_COLD, "monthly_efs_cold_restore_gb"),
    (
        "EFS restore (item-level)",
        "request",
        keys.BACKUP_EFS_RESTORE_ITEM,
        "monthly_efs_item_restore_requests",
    ),
    ("EBS snapshot", "GB-month", keys.EBS_SNAPSHOT_STORAGE, "monthly_ebs_snapshot_gb"),
    ("RDS snapshot", "GB-month", keys.RDS_BACKUP, "monthly_rds_snapshot_gb"),
    ("DynamoDB backup", "GB-month", keys.BACKUP_DYNAMODB, "monthly_dynamodb_backup_gb"),
    ("DynamoDB restore", "GB", keys.BACKUP_DYNAMODB_RESTORE, "monthly_dynamodb_restore_gb"),
    ("Aurora snapshot", "GB-month", keys.AURORA_BACKUP, "monthly_aurora_snapshot_gb"),
    (
        "FSx for Windows backup",
        "GB-month",
        keys.BACKUP_FSX_WINDOWS,
        "monthly_fsx_windows_backup_gb",
    ),
    ("FSx for Lustre backup", "GB-month", keys.BACKUP_FSX_LUSTRE, "monthly_fsx_lustre_backup_gb"),
)
USAGE_KEYS = tuple(usage_key for _, _, _, usage_key in LINES)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [usage_spec(view, name, unit, key, usage_key) for name, unit, key, usage_key in LINES]
