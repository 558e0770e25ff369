# Two stages: the package is built and packed as `npm pack` makes it for users, then installed
# with production dependencies only (no TypeScript, Jest, ESLint, Prisma CLI or esbuild at run time).
FROM node:24-bookworm-slim AS pack
WORKDIR /src
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY libs/persistence/prisma ./libs/persistence/prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm pack --pack-destination /tmp && mv /tmp/shailoo-sim-*.tgz /tmp/shailoo-sim.tgz

FROM node:24-bookworm-slim
WORKDIR /app
COPY --from=pack /tmp/shailoo-sim.tgz /tmp/shailoo-sim.tgz
RUN echo '{"private":true}' > package.json \
  && npm i --omit=dev --no-audit --no-fund /tmp/shailoo-sim.tgz \
  && rm /tmp/shailoo-sim.tgz && npm cache clean --force
ENV HOST=0.0.0.0 PORT=3000 NODE_ENV=production PATH=/app/node_modules/.bin:$PATH
EXPOSE 3000
# Healthy while the database and the broker session are up (/api/health answers 503 otherwise).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["shailoo-sim", "tally-server", "--host", "0.0.0.0"]
