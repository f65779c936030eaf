import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readConfig } from '../config/config';
import type { EventType } from '../domain/events';
import { signedHeaders } from '../webhook-signing/standard-webhooks';

const hour = 60 * 60 * 1000;

/**
 * The times an example may leave out, as offsets from now, so that an example tells a current story
 * whenever it is sent: a breach the processor became aware of an hour ago (its notice deadline still
 * ahead), a request or an objection received just now. A time the file gives is sent as it is; the
 * webhook door refuses one more than 5 minutes after the delivery's webhook-timestamp, or before 2000.
 */
const timesFromNow: Partial<Record<EventType, Record<string, number>>> = {
  'breach.detected': { awareAt: -hour },
  'dsr.received': { receivedAt: 0 },
  'dsr.action-completed': { completedAt: 0 },
  'authority.requested': { receivedAt: 0 },
  'subprocessor.objected': { receivedAt: 0 },
  'contract.terminated': { terminatedAt: 0 },
};

/**
 * `npm run send-event -- <file.json> [--url URL] [--id WEBHOOK_ID]`: signs an event the way the product
 * does (Standard Webhooks, WEBHOOK_SECRET) and posts it. The file holds {type, timestamp?, data}; a
 * missing timestamp is set to now, and the times in `timesFromNow` that the file leaves out are set
 * relative to now.
 * Prints the answer; exits 1 on anything but 2xx.
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
  const event = JSON.parse(readFileSync(file, 'utf8')) as { type?: EventType; timestamp?: string; data?: Record<string, unknown> };
  const now = Date.now();
  event.timestamp ??= new Date(now).toISOString();
  for (const [field, offset] of Object.entries((event.type && timesFromNow[event.type]) ?? {})) {
    if (!event.data || event.data[field] !== undefined) continue;
    event.data[field] = new Date(now + offset).toISOString();
    process.stderr.write(`data.${field} is not in ${file}: set to ${event.data[field]}\n`);
  }
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
