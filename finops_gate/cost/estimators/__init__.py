"""One module per resource type.

Each module has a docstring (its first line names what is priced, the rest lists the
cost components and their price keys; the README's coverage table is generated from it),
`RESOURCE_TYPES` (the Terraform types it prices; the first is the module's own name) and
`estimate(view) -> list[ComponentSpec]`. Modules never hold prices: they name price keys
that `pricing/aws.json` resolves per region.

An argument left out is priced at the default AWS documents for it, with a note (the
docs page cited in a comment); a quantity known only after apply makes a component with
`unknown=` and no quantity, so the rest of the resource is still priced. Estimators raise
`UnknownAttributeError` only when the main price itself cannot be determined (an unknown
instance type, or an EBS volume's size). `_defaults.set_from_reference` tells an omitted
argument (a default applies) from one set to a value computed at apply (a real unknown).
"""
