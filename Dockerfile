# The image the GitHub Action runs (action.yml: `image: Dockerfile`); also usable alone:
#   docker build -t finops-gate . && docker run --rm -v "$PWD:/work" -w /work finops-gate plan.json
FROM python:3.12.8-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
COPY pyproject.toml README.md ./
COPY finops_gate ./finops_gate
COPY pricing ./pricing
COPY policies ./policies
RUN pip install . && rm -rf /src
# python-hcl2 saves its parser tables next to its code on first use; the user below
# cannot write there, so save them now (otherwise HCL mode builds them on every run).
RUN python -c "from hcl2.parser import parser; parser()"

# uid 1001 is the runner user on GitHub-hosted runners, so files GitHub mounts into the
# container (the workspace, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) stay writable.
RUN useradd --uid 1001 --create-home --shell /usr/sbin/nologin finops
USER 1001
WORKDIR /home/finops

ENTRYPOINT ["finops-gate"]
