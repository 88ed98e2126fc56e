# SalesBot Telegram bot. Not built or tested in CI (the development machine has no Docker engine);
# see docs/deployment.md.
#   docker build -t salesbot .
#   docker run -d --name salesbot -e TELEGRAM_BOT_TOKEN=... -v salesbot-data:/data salesbot
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    SALESBOT_DB=/data/salesbot.db \
    MPLCONFIGDIR=/tmp/matplotlib

WORKDIR /app
COPY pyproject.toml README.md ./
COPY salesbot ./salesbot
COPY scenarios ./scenarios
# Editable install: the bundled scenarios are found next to the package (salesbot/../scenarios).
RUN pip install -e . && useradd --system --uid 10001 --home-dir /data salesbot \
    && mkdir -p /data && chown salesbot /data

USER salesbot
VOLUME ["/data"]
# Webhook mode only: docker run -p 8443:8443 ... salesbot serve --webhook-url https://... --listen 0.0.0.0
EXPOSE 8443
# SIGTERM (docker stop) shuts down gracefully.
STOPSIGNAL SIGTERM
ENTRYPOINT ["salesbot"]
CMD ["serve"]
