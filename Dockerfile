# The production image, in three stages:
#   pack     builds and packs the package as `npm pack` makes it for users;
#   install  installs that tarball with production dependencies only (no TypeScript, Jest, ESLint,
#            Prisma CLI or esbuild) and drops what nothing runs (source maps, declarations, docs);
#   runtime  Node on Alpine without npm, as the unprivileged user `node`, the root filesystem
#            read-only if you like (`docker run --read-only`): everything written goes to /data.
FROM node:24-bookworm-slim AS pack
WORKDIR /src
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY libs/persistence/prisma ./libs/persistence/prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm pack --pack-destination /tmp && mv /tmp/shailoo-sim-*.tgz /tmp/shailoo-sim.tgz

FROM node:24-alpine AS install
WORKDIR /app
COPY --from=pack /tmp/shailoo-sim.tgz /tmp/shailoo-sim.tgz
RUN echo '{"private":true}' > package.json \
  && npm i --omit=dev --no-audit --no-fund /tmp/shailoo-sim.tgz \
  && find node_modules -type f \( -name '*.map' -o -name '*.d.ts' -o -name '*.d.cts' -o -name '*.d.mts' -o -name '*.md' \) ! -iname 'license*' -delete

FROM node:24-alpine
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack /opt/yarn-* /usr/local/bin/yarn /usr/local/bin/yarnpkg \
  && mkdir /data && chown node:node /data
COPY --from=install /app /app
# The embedded store and the broker's secret default to ./.shailoo under the working directory: the volume.
WORKDIR /data
VOLUME /data
USER node
ENV HOST=0.0.0.0 PORT=3000 NODE_ENV=production PATH=/app/node_modules/.bin:$PATH
EXPOSE 3000 1883
# Ready while the database, the broker session and the stored log are (503 otherwise, or while stopping).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) drains and exits 0 within 10 s; node runs as PID 1 and handles it itself.
STOPSIGNAL SIGTERM
CMD ["shailoo-sim", "tally-server", "--host", "0.0.0.0"]
