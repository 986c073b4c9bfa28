"""The builder of finops-gate's bundled AWS price table (``pricing/aws.json``), its
``pricing/NOTICE`` and ``finops_gate/cost/estimators/_ebs_optimized.py``.

    python scripts/build_prices.py [--sources ../shared/price-sources] [--out pricing/aws.json]
    python -m finops_gate.pricing.build [same options]

The raw public price data (described in ``<sources>/README.md``) stays outside the
repository: the builder reads it and writes one compact table in its own format. The output
is deterministic (sorted keys, one price per line, no timestamps): two runs give
byte-identical files.

Regions: every commercial region the EC2, ElastiCache or OpenSearch data prices
(``layers.commercial_regions``: no GovCloud, China, Local or Wavelength Zones).

How a region's prices are assembled:

1. Layers (``layers.region_layers``): an ordered series of (source id, reader). A reader
   (``readers/``, one module per dataset family) reads one raw source and returns
   ``{price key: unit price}`` for a region. The first layer that has a key wins; later
   layers only fill gaps. A layer may mark all its figures approximate (spot averages).
2. Rules (``rules``, ``ratio``; texts in ``rule_texts.RULES``): documented derivations fill
   keys that no source publishes, always from a published figure. A derived figure carries
   its rule id, which marks it approximate, and the id of the source of its input figure.
3. Checks (``checks``): every key belongs to the price-key vocabulary
   (``finops_gate.pricing.keys``); every price is > 0; every source and rule is declared;
   us-east-1 agrees with the published prices quoted in the price-sources README; figures
   agree with the Infracost golden line items they overlap with; hand-entered AWS list
   prices (``readers.golden_specs.FACTS``) must reproduce those line items. Any mismatch
   stops the build: the builder never guesses.

AWS offer-file products map to price keys through ``finops_gate.pricing.usage_types``, the
same map ``pricing build --from-aws-offer`` uses. Where a new source reader, key or usage
type goes: docs/pricing-build.md.
"""
