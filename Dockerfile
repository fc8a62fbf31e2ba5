# syntax=docker/dockerfile:1

# Debian (glibc), not Alpine: argon2's prebuilt binaries are built for glibc.
FROM node:20-bookworm-slim AS build
WORKDIR /app

COPY package.json package-lock.json ./
# npm ci refuses a lock written without other platforms' optional binaries; install takes the
# same locked versions.
RUN --mount=type=cache,target=/root/.npm npm ci || npm install --no-audit --no-fund

COPY tsconfig*.json nest-cli.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build && npm prune --omit=dev


FROM node:20-bookworm-slim
WORKDIR /app

ENV NODE_ENV=production \
    BULWARK_ROLE=all \
    PORT=3000 \
    UPLOADS_DIR=/app/uploads

# Code stays root-owned (read-only to the app); only the uploads directory is writable.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY data ./data
COPY public ./public
# Created here, owned by node, so a fresh named volume mounted on it inherits the ownership.
RUN mkdir -p /app/uploads && chown node:node /app/uploads

USER node
EXPOSE 3000

# No curl in the slim image, so ask node. The worker role serves no HTTP, so it passes trivially.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "if (process.env.BULWARK_ROLE === 'worker') process.exit(0); fetch(`http://127.0.0.1:${process.env.PORT || 3000}/health/live`, { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Run node directly: `npm start` would rebuild (prestart) and npm does not forward SIGTERM well.
CMD ["node", "dist/src/main.js"]
