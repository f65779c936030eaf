# The product's image for docker-compose.yml: one image, two commands (worker, webhook endpoint).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
USER node
CMD ["npx", "tsx", "client/http-main.ts"]
