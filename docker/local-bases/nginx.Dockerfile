# Stand-in for the nginx image on a machine that reaches no image registry, only Debian's packages.
# Like the official image: configuration from /etc/nginx/conf.d, logs to stdout and stderr, in the
# foreground. Debian's default site (port 80) is removed.
ARG BASE=local/debian:bookworm
FROM ${BASE}
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx \
    && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/default \
    && ln -sf /dev/stdout /var/log/nginx/access.log \
    && ln -sf /dev/stderr /var/log/nginx/error.log
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
