# The product's image for docker-compose.yml: one image, two commands (worker, webhook endpoint).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
USER node
# In a container the endpoint must listen on every interface to be reached at all, so the secure-start
# rule applies: it will not start without WEBHOOK_SECRET and OPERATOR_TOKEN (README: "Settings").
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
CMD ["npx", "tsx", "client/http-main.ts"]
