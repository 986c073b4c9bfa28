"""Source readers: one module per dataset family of the price sources (see
shared/price-sources/README.md). A reader is `(sources directory, region) -> {price key: unit
price}` (`base.Reader`); `layers.region_layers` orders them."""
