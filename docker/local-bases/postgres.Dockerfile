# Stand-in for postgres:15 on a machine that reaches no image registry, only Debian's packages.
# Honours what docker/compose.yaml uses of the official image: POSTGRES_DB, POSTGRES_USER,
# POSTGRES_PASSWORD, the data in /var/lib/postgresql/data, pg_isready, and PGPORT.
ARG BASE=local/debian:bookworm
FROM ${BASE}
# No cluster of Debian's own: the entry point creates one in the volume on the first start.
RUN mkdir -p /etc/postgresql-common \
    && echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.conf \
    && apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-15 \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /var/lib/postgresql/data /var/run/postgresql \
    && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
ENV PATH=/usr/lib/postgresql/15/bin:$PATH PGDATA=/var/lib/postgresql/data
COPY postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
USER postgres
VOLUME ["/var/lib/postgresql/data"]
STOPSIGNAL SIGINT
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres"]
