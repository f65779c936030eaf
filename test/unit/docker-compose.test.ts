import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { developmentWebhookSecret } from '../../config/config';

// No Docker engine in CI: the deployment is checked as the file compose reads.

interface Service {
  ports?: string[];
  environment?: Record<string, string>;
}

const text = readFileSync(path.resolve(__dirname, '../../docker-compose.yml'), 'utf8');
const compose = parse(text) as { services: Record<string, Service> };

describe('docker-compose.yml', () => {
  test('publishes the webhook endpoint alone; every other port is bound to 127.0.0.1', () => {
    const published = Object.entries(compose.services).flatMap(([name, service]) =>
      (service.ports ?? []).map((port): [string, string] => [name, String(port)]),
    );
    expect(published).toContainEqual(['webhooks', '3000:3000']);
    for (const [name, port] of published) {
      if (name === 'webhooks') continue;
      expect({ name, port, loopback: port.startsWith('127.0.0.1:') }).toEqual({ name, port, loopback: true });
    }
    // The records and the mail are never published.
    expect(compose.services.postgres!.ports ?? []).toEqual([]);
    expect((compose.services.mailpit!.ports ?? []).some((port) => String(port).endsWith(':1025'))).toBe(false);
  });

  test('the endpoint listens on every interface and takes its secrets from the environment, with no fallback', () => {
    const environment = compose.services.webhooks!.environment!;
    expect(environment.HOST).toBe('0.0.0.0');
    // ${VAR:?message}: compose refuses to start when VAR is unset or empty, and prints the message.
    expect(environment.WEBHOOK_SECRET).toMatch(/^\$\{WEBHOOK_SECRET:\?[^}]*openssl rand -base64 32[^}]*\}$/);
    expect(environment.OPERATOR_TOKEN).toMatch(/^\$\{OPERATOR_TOKEN:\?[^}]*openssl rand -base64 32[^}]*\}$/);
    expect(text).not.toContain(developmentWebhookSecret.slice('whsec_'.length));
  });
});
