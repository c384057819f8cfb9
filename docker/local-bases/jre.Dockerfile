# Stand-in for eclipse-temurin:17-jre on a machine that reaches no image registry, only Debian's
# packages: Debian's OpenJDK 17 JRE on the local Debian base that docker/test.sh imports.
#   docker build --network host -f docker/local-bases/jre.Dockerfile -t local/copydesk-jre:17 docker/local-bases
ARG BASE=local/debian:bookworm
FROM ${BASE}
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
       openjdk-17-jre-headless curl ca-certificates \
    && rm -rf /var/lib/apt/lists/*
