"""Price-table tooling: the on-disk layout writer and the AWS Price List ingester.

The bundled table is built by `scripts/build_prices.py` from public price data; users can
build their own from AWS's published Price List files with
`finops-gate pricing build --from-aws-offer PATH`.
"""
