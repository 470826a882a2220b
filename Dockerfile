# Production image: multi-stage, non-root; runs migrations, then uvicorn.
# Build: docker build -t mastery-service .   Run: see docker-compose.yml.
FROM python:3.11-slim AS build
WORKDIR /src
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
COPY pyproject.toml requirements.lock README.md ./
COPY app ./app
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install -c requirements.lock .

FROM python:3.11-slim AS runtime
RUN useradd --system --uid 10001 --home /srv mastery \
 && mkdir -p /srv/state && chown mastery /srv/state
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    MASTERY_HOST=0.0.0.0 \
    MASTERY_PORT=8000 \
    MASTERY_WORKERS=2 \
    MASTERY_STATE_DIR=/srv/state
WORKDIR /srv
# By number: a runtime checking runAsNonRoot cannot resolve a name (hadolint DL3066).
USER 10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD ["python", "-c", "import urllib.request,os;urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"MASTERY_PORT\"]}/healthz')"]
# MASTERY_DATABASE_URL and MASTERY_SECRET_KEY come from the environment (see docker-compose.yml).
CMD ["sh", "-c", "mastery db upgrade && exec mastery serve --host \"$MASTERY_HOST\" --port \"$MASTERY_PORT\" --workers \"$MASTERY_WORKERS\""]
