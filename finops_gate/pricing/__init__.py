"""Price-table tooling: the price-key vocabulary (`keys`), the AWS usage-type map
(`usage_types`), the on-disk layout writer, the bundled-table builder (`build`, run by
`scripts/build_prices.py`) and the AWS Price List ingester (`offer`: users build their own
table from AWS's published Price List files with
`finops-gate pricing build --from-aws-offer PATH`).
"""
