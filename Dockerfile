# The simulator for QA: docker run -p 3000:3000 <image>, then open http://localhost:3000/_sim/health.
# Runs on a maintained Node LTS; the code itself supports Node 20.19+ (package.json engines).
ARG BASE_IMAGE=node:24-bookworm-slim

FROM ${BASE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${BASE_IMAGE}
WORKDIR /app
ENV HOST=0.0.0.0 PORT=3000 DATA_DIR=/data PUBLIC_URL=http://localhost:3000
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY contracts ./contracts
COPY client/src ./client/src
COPY simulator/src ./simulator/src
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/_sim/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--import", "tsx", "simulator/src/main.ts"]
