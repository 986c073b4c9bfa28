"""Where the verdict goes besides standard output: pull-request comments and CI systems.

These modules talk to the network (GitHub, GitLab) and build the text GitHub Actions reads;
the CLI decides when to call them and writes the files.
"""
