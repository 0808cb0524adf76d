# syntax=docker/dockerfile:1
#
# One image for the five AIaaS services (gateway, preprocessing, training, evaluation,
# inference). The default command runs the gateway; every other service overrides it:
#
#   docker build -t aiaas:local .
#   docker run --rm -p 50051:50051 -e REDIS_URL=redis://host.docker.internal:6379 aiaas:local
#   docker run --rm aiaas:local node apps/training/dist/main.js
#
# The GPU variant is the `runtime-gpu` target: the same platform on NVIDIA's CUDA runtime, with
# @tensorflow/tfjs-node-gpu, so training and inference run on the node's GPU:
#
#   docker build --target runtime-gpu -t aiaas-gpu:local .
#   docker run --rm --gpus all -e GRPC_PORT=50053 aiaas-gpu:local node apps/training/dist/main.js
#
# docker-compose.yml and k8s/base run exactly these commands; k8s/overlays/gpu runs training and
# inference from the GPU image.

ARG NODE_IMAGE=node:20-bookworm-slim
# tfjs-node-gpu 4.22 loads libtensorflow 2.9 (CUDA 11.2+, cuDNN 8.1+): CUDA 11.8 with cuDNN 8
# serves it; the host's driver must support CUDA 11.8.
ARG CUDA_IMAGE=nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04

# --- manifests: only the package manifests, so `npm ci` below stays cached until a
# dependency changes (a source edit does not re-install node_modules).
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && find . -name package.json -not -path '*/node_modules/*' -exec cp --parents '{}' /manifests/ ';' \
 && cp package-lock.json .npmrc /manifests/

# --- builder: install everything, build every project with Nx, drop dev dependencies, and
# stage exactly what the services need at run time in /runtime.
FROM ${NODE_IMAGE} AS builder
WORKDIR /app
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_TUI=false
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
RUN npx nx run-many -t build
RUN npm prune --omit=dev
# Run time needs: node_modules (with the node_modules/@aiaas/* workspace symlinks), the root
# package.json, every workspace's package.json (its "exports" map points at dist/) and dist/,
# the protos and the shared proto-loader options. Sources, specs and type declarations stay behind.
RUN set -eu; \
    mkdir -p /runtime; \
    cp -a package.json node_modules protos /runtime/; \
    for dir in apps/* libs/*; do \
      [ -f "$dir/package.json" ] || continue; \
      mkdir -p "/runtime/$dir"; \
      cp -a "$dir/package.json" "/runtime/$dir/"; \
      if [ -d "$dir/dist" ]; then cp -a "$dir/dist" "/runtime/$dir/"; fi; \
    done; \
    cp -a libs/proto/loader-options.json /runtime/libs/proto/; \
    find /runtime/apps /runtime/libs \( -name '*.tsbuildinfo' -o -name '*.d.ts' -o -name '*.d.ts.map' \) -delete

# --- builder-gpu: the builder's tree plus tfjs-node-gpu (and the libtensorflow GPU build it
# downloads), added against the lockfile so no other package moves.
FROM builder AS builder-gpu
RUN npm install --no-save --omit=dev --no-audit --no-fund @tensorflow/tfjs-node-gpu@4.22.0 \
 && rm -rf /runtime/node_modules \
 && cp -a node_modules /runtime/

# --- runtime-gpu: CUDA and cuDNN, Node.js (the official build, which runs on any glibc >= 2.28)
# and the platform with the GPU addon. Built only when asked for (--target runtime-gpu).
FROM ${CUDA_IMAGE} AS runtime-gpu
# AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: the image runs Node 20 by design; the AWS
# SDK's notice that its 2027 releases need Node 22 is for whoever upgrades it, not every log.
ENV NODE_ENV=production \
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true \
    ARTIFACT_DIR=/var/lib/aiaas/artifacts \
    TFJS_BACKEND=tensorflow
COPY --from=builder-gpu /usr/local/bin/node /usr/local/bin/node
WORKDIR /app
COPY --from=builder-gpu /runtime/ ./
# The same non-root user (uid 1000) as the CPU image, owning only the artifact directory.
RUN useradd --uid 1000 --create-home --shell /usr/sbin/nologin node \
 && mkdir -p /var/lib/aiaas/artifacts && chown -R node:node /var/lib/aiaas
USER node
EXPOSE 50051 50052 50053 50054 50055 8080 9464
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "const { HealthClient } = require('@aiaas/proto'); new HealthClient('127.0.0.1:' + (process.env.GRPC_PORT || 50051)).check('', 2000).then((s) => process.exit(s === 'SERVING' ? 0 : 1), () => process.exit(1));"]
CMD ["node", "apps/gateway/dist/main.js"]

# --- runtime (the default target, last): Node, the built services and production
# dependencies; no compiler, no sources.
FROM ${NODE_IMAGE} AS runtime
# AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: the image runs Node 20 by design; the AWS
# SDK's notice that its 2027 releases need Node 22 is for whoever upgrades it, not every log.
ENV NODE_ENV=production \
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true \
    ARTIFACT_DIR=/var/lib/aiaas/artifacts
WORKDIR /app
# Owned by root and read-only for the service user: the code cannot be changed at run time.
COPY --from=builder /runtime/ ./
# The filesystem artifact store. Compose and Kubernetes mount one shared volume here; an empty
# named volume inherits this owner, so the `node` user can write to it.
RUN mkdir -p /var/lib/aiaas/artifacts && chown -R node:node /var/lib/aiaas
USER node
# gateway, preprocessing, training, evaluation, inference (their default GRPC_PORTs); the
# gateway's HTTP/JSON and dashboard; every service's metrics.
EXPOSE 50051 50052 50053 50054 50055 8080 9464
# Healthy while the service answers SERVING on grpc.health.v1 at GRPC_PORT (the gateway's 50051
# when unset: run another service with its GRPC_PORT set, as compose and the manifests do).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "const { HealthClient } = require('@aiaas/proto'); new HealthClient('127.0.0.1:' + (process.env.GRPC_PORT || 50051)).check('', 2000).then((s) => process.exit(s === 'SERVING' ? 0 : 1), () => process.exit(1));"]
CMD ["node", "apps/gateway/dist/main.js"]
