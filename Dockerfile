# syntax=docker/dockerfile:1
# Build stage: compile the release binary (rustls, bundled SQLite: no system libraries needed).
FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src ./src
COPY migrations ./migrations
COPY locales ./locales
# The chart font is compiled into the binary.
COPY assets ./assets
# The manifest names the bench targets; cargo checks that their files exist.
COPY benches ./benches
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked && cp target/release/cluster-bot /cluster-bot

# Runtime stage: a slim Debian with CA certificates, a non-root user and a volume for the database.
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin cluster \
    && mkdir -p /data && chown cluster:cluster /data
COPY --from=build /cluster-bot /usr/local/bin/cluster-bot
USER cluster
WORKDIR /data
VOLUME ["/data"]
ENV DATABASE_URL=sqlite:///data/cluster-bot.db \
    CLUSTER_TZ=Africa/Bamako \
    CLUSTER_LISTEN=0.0.0.0:8080 \
    RUST_LOG=info
# The HTTP server: /healthz, /readyz, /metrics, /cal/<secret>.ics and, in webhook mode, the webhook.
EXPOSE 8080
# The binary asks its own /healthz (the image has no curl); unhealthy after 3 misses.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["/usr/local/bin/cluster-bot", "healthcheck"]
# SIGTERM (docker stop) stops the bot cleanly with exit status 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/cluster-bot"]
CMD ["run"]
