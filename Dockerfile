# The simulator for QA: docker build -t littlepay-sim . && docker run -p 3000:3000 littlepay-sim
# Built and run on Node 24 LTS; the package supports Node 22.13+ and 24+ (package.json engines, decision 0091).
# Why it is built this way: docs/decisions/0041-docker-image.md.
ARG BASE_IMAGE=node:24-bookworm-slim

# 1. TypeScript compiled to JavaScript (dist/), with every dependency.
FROM ${BASE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build.ts ./scripts/
COPY contracts ./contracts
COPY client/src ./client/src
COPY simulator/src ./simulator/src
COPY scenarios ./scenarios
COPY drift ./drift
RUN npm run -s build

# 2. Production dependencies only: no TypeScript, tsx or esbuild at run time.
FROM ${BASE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# 3. The file system it runs in: the base image without what a running simulator never uses (npm, yarn,
#    corepack, C headers, manuals, translations, docs but their copyright notices), plus the app.
FROM ${BASE_IMAGE} AS runtime
RUN rm -rf /usr/local/lib/node_modules /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack \
      /usr/local/bin/yarn /usr/local/bin/yarnpkg /opt/yarn-* /usr/local/include /usr/local/share/doc \
      /usr/local/share/man /usr/share/man /usr/share/info /usr/share/locale /usr/share/lintian \
      /var/lib/apt/lists/* /var/cache/apt/* /var/cache/debconf/*-old /root/.npm /tmp/* \
 && find /usr/share/doc -type f ! -name copyright -delete \
 && mkdir -p /data && chown node:node /data
WORKDIR /app
COPY package.json ./
COPY bin ./bin
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /src/dist ./dist
RUN chmod 755 bin/littlepay-sim.js && ln -s /app/bin/littlepay-sim.js /usr/local/bin/littlepay-sim

# 4. Step 3 flattened into one layer, so what it removed is not shipped underneath (the image is then
#    under 250 MB). Every setting is an environment variable (littlepay-sim --help lists them).
FROM scratch
COPY --from=runtime / /
# The standard OCI labels. version and licenses repeat package.json (a test keeps them equal); source is the
# repository's address, given at build time: docker build --build-arg SOURCE_URL="$(git remote get-url origin)" .
ARG SOURCE_URL=""
LABEL org.opencontainers.image.title="littlepay-sim" \
      org.opencontainers.image.description="Offline simulator of the Little Pay payment API (pay.little.africa)" \
      org.opencontainers.image.version="0.1.0" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.source="${SOURCE_URL}"
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOST=0.0.0.0 PORT=3000 DATA_DIR=/data PUBLIC_URL=http://localhost:3000
WORKDIR /app
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/_sim/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# `docker run <image> merchants`, `docker run <image> --help`: the arguments go to littlepay-sim.
ENTRYPOINT ["littlepay-sim"]
