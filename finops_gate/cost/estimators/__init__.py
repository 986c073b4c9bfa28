"""One module per resource type.

Each module has a docstring (its first line names what is priced, the rest lists the
cost components and their price keys; the README's coverage table is generated from it),
`RESOURCE_TYPES` (the Terraform types it prices; the first is the module's own name) and
`estimate(view) -> list[ComponentSpec]`. Modules never hold prices: they name price keys
that `pricing/aws.json` resolves per region.
"""
