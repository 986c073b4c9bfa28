"""Many projects, one verdict: the config file, discovery of root modules, parallel runs
and merged reports."""
