import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { parseWebhookEvent } from '../../domain/events';
import type { Records } from '../../records';
import { dispatchEvent } from '../webhooks/dispatch';
import { verify } from '../webhooks/signature';
import { isTemporalUnavailable } from '../webhooks/temporal-errors';

/** How long one delivery may wait on Temporal before the product is told to retry (503). */
const defaultTemporalCallTimeoutMs = 10_000;

/**
 * `POST /webhooks`: the product's signed events (Standard Webhooks). Order matters: the signature is
 * checked on the raw bytes before anything is parsed; a known webhook-id gets its first answer again;
 * a refused request changes nothing, in Temporal or in the records.
 */
export function registerWebhookRoute(app: FastifyInstance, deps: { records: Records; temporal: Client; webhookSecret: string; temporalCallTimeoutMs?: number }): void {
  app.post('/webhooks', async (request, reply) => {
    const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const webhookId = header('webhook-id');
    const verification = verify(
      deps.webhookSecret,
      { id: webhookId, timestamp: header('webhook-timestamp'), signature: header('webhook-signature') },
      rawBody,
    );
    if (!verification.ok) {
      request.log.warn({ reason: verification.reason }, 'webhook refused: signature');
      return reply.code(401).send({ error: verification.reason });
    }

    const bodySha256 = createHash('sha256').update(rawBody).digest('hex');
    const earlier = await deps.records.webhookDeliveries.find(webhookId!);
    if (earlier) {
      if (earlier.bodySha256 !== bodySha256) {
        return reply.code(409).send({ error: 'this webhook-id was already used for a different body' });
      }
      request.log.info({ webhookId, status: earlier.statusCode }, 'webhook replayed');
      return reply.code(earlier.statusCode).send(earlier.response);
    }

    let body: unknown;
    try {
      body = JSON.parse(rawBody.toString('utf8'));
    } catch {
      return reply.code(400).send({ error: 'the body is not JSON', problems: [{ path: '', message: 'must be a JSON object' }] });
    }
    const parsed = parseWebhookEvent(body);
    if (!parsed.ok) {
      request.log.info({ webhookId, problems: parsed.problems.length }, 'webhook refused: body');
      return reply.code(400).send({ error: 'the event does not fit the contract', problems: parsed.problems });
    }

    let answer;
    try {
      answer = await deps.temporal.withDeadline(Date.now() + (deps.temporalCallTimeoutMs ?? defaultTemporalCallTimeoutMs), () =>
        dispatchEvent(deps.temporal, deps.records, parsed.event, webhookId!),
      );
    } catch (error) {
      if (isTemporalUnavailable(error)) {
        request.log.error({ webhookId, type: parsed.event.type }, 'Temporal unreachable: answered 503');
        return reply.code(503).header('retry-after', '5').send({ error: 'the workflow engine cannot be reached; retry later' });
      }
      throw error;
    }

    // Remembered: the answers a retry must get again. Not remembered: a 400 (nothing was done, and the
    // product may correct the event) and a 501 (it may succeed after an upgrade).
    if (answer.statusCode !== 501 && answer.statusCode !== 400) {
      await deps.records.webhookDeliveries.record(
        webhookId!,
        { eventType: parsed.event.type, bodySha256, statusCode: answer.statusCode, response: answer.body },
        new Date(),
      );
    }
    request.log.info({ webhookId, type: parsed.event.type, status: answer.statusCode }, 'webhook handled');
    return reply.code(answer.statusCode).send(answer.body);
  });
}
