import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readConfig } from './config';
import { signedHeaders } from './webhooks/signature';

/**
 * `npm run send-event -- <file.json> [--url URL] [--id WEBHOOK_ID]`: signs an event the way the product
 * does (Standard Webhooks, WEBHOOK_SECRET) and posts it. The file holds {type, timestamp?, data}; a
 * missing timestamp is set to now. Prints the answer; exits 1 on anything but 2xx.
 */
async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const option = (name: string) => {
    const index = args.indexOf(name);
    if (index === -1) return undefined;
    const [, value] = args.splice(index, 2);
    return value;
  };
  const config = readConfig();
  const url = option('--url') ?? `http://${config.host}:${config.port}/webhooks`;
  const webhookId = option('--id') ?? `msg_${randomUUID()}`;
  const file = args[0];
  if (!file) {
    process.stderr.write('usage: npm run send-event -- <event.json> [--url URL] [--id WEBHOOK_ID]\n');
    return 2;
  }
  const event = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  event.timestamp ??= new Date().toISOString();
  const body = JSON.stringify(event);
  const response = await fetch(url, { method: 'POST', headers: signedHeaders(config.webhookSecret, webhookId, body), body });
  const answer = await response.text();
  process.stdout.write(`${response.status} ${answer}\n`);
  return response.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
