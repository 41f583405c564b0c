# syntax=docker/dockerfile:1
# One image, two roles: `node dist/src/main.js api` and `node dist/src/main.js worker`.
# Production runs on the current Node LTS (24); package.json engines keeps >= 20.19, and CI tests on the machine's Node.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY web/package.json ./web/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY libs ./libs
COPY migrations ./migrations
COPY bench ./bench
COPY web ./web
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
# Two malloc arenas instead of glibc's 8 per core: less fragmented native memory (brotli and argon2
# buffers) under load; bench:load runs the processes with the same setting (bench/README.md).
ENV MALLOC_ARENA_MAX=2
# Semi-spaces of at most 8 MB instead of 16 (the young generation is about three of them): 12-13 MiB less peak RSS
# of the api, no measurable CPU per request (bench/README.md, "Profile of the 200-user load").
# An old-space limit of 512 MB (6-8 times the live heap) is not there as a cap: with it the api's old
# space peaked at 70-71 MB under load (86 MB without the flag, side by side; 133 MB in an earlier,
# faster run without it), with about twice as many full collections (bench/findings/rss.md). Our reading,
# not checked against V8's source: V8 lets the old space grow less between full collections when the
# heap limit is small.
ENV NODE_OPTIONS="--max-semi-space-size=8 --max-old-space-size=512"
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/web/dist ./web/dist
COPY --chown=node:node package.json ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
ENTRYPOINT ["node", "dist/src/main.js"]
CMD ["api"]
