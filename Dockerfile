# syntax=docker/dockerfile:1
# citygraph: build the binary in a Rust image, run it as a non-root user in a slim image.

FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
# Manifests first, so dependency builds are cached while only sources change.
COPY Cargo.toml Cargo.lock ./
COPY crates ./crates
COPY tests ./tests
RUN cargo build --release --locked -p citygraph-server \
 && strip target/release/citygraph

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 citygraph \
 && useradd --system --uid 10001 --gid citygraph --home-dir /var/lib/citygraph --shell /usr/sbin/nologin citygraph \
 && mkdir -p /var/lib/citygraph/data \
 && chown -R citygraph:citygraph /var/lib/citygraph
COPY --from=build /src/target/release/citygraph /usr/local/bin/citygraph
COPY seed-data /usr/share/citygraph/seed-data
COPY api-spec /usr/share/citygraph/api-spec
ENV CITYGRAPH_DATA_DIR=/var/lib/citygraph/data \
    CITYGRAPH_BIND=0.0.0.0:8080 \
    CITYGRAPH_SEED_DIR=/usr/share/citygraph/seed-data \
    CITYGRAPH_LOG_FORMAT=json
# The embedded database lives here; mount a volume to keep it across containers.
VOLUME ["/var/lib/citygraph/data"]
USER citygraph:citygraph
WORKDIR /var/lib/citygraph
EXPOSE 8080
# /readyz answers once the store is open and the graph loaded (the first start also loads the seed).
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/readyz > /dev/null || exit 1
ENTRYPOINT ["citygraph"]
CMD ["serve"]
