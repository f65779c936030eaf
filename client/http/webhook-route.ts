import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { parseWebhookEvent } from '../../domain/events';
import type { Records } from '../../records';
import type { StoredAnswer } from '../../records/webhook-deliveries';
import { dispatchEvent } from '../webhooks/dispatch';
import { verify, webhookIdProblem } from '../../webhook-signing/standard-webhooks';
import { isTemporalUnavailable } from '../webhooks/temporal-errors';

/** How long one delivery may wait on Temporal before the product is told to retry (503). */
const defaultTemporalCallTimeoutMs = 10_000;
/**
 * A claim this old has no delivery behind it any more (its process died): every delivery answers within
 * the Temporal call timeout, so a minute leaves a wide margin before a retry takes the id over.
 */
const claimStaleAfterMs = 60_000;
/** How often a delivery that found its webhook-id claimed looks for the first delivery's answer. */
const claimPollMs = 50;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * `POST /webhooks`: the product's signed events (Standard Webhooks). Order matters: the signature is
 * checked on the raw bytes before anything is parsed; a known webhook-id gets its first answer again;
 * a refused request changes nothing, in Temporal or in the records; an id is claimed before its event
 * is dispatched, so that two deliveries of it never both act.
 */
export function registerWebhookRoute(
  app: FastifyInstance,
  deps: { records: Records; temporal: Client; webhookSecret: string; temporalCallTimeoutMs?: number },
): void {
  app.post('/webhooks', async (request, reply) => {
    // When the delivery reached us: a clock that counts from receipt (an audit's notice) starts here,
    // not after a wait on another delivery of the same webhook-id.
    const receivedAt = new Date().toISOString();
    const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const webhookId = header('webhook-id');
    // Standard Webhooks signs the body as UTF-8 text; bytes that are not UTF-8 cannot be verified (they
    // would be refused as a wrong signature and send the product looking for a wrong secret), and are
    // refused as what they are. Nothing has been read or stored.
    try {
      utf8.decode(rawBody);
    } catch {
      return reply.code(400).send({ error: 'the body is not UTF-8', problems: [{ path: '', message: 'must be a JSON object in UTF-8' }] });
    }
    const verification = verify(
      deps.webhookSecret,
      { id: webhookId, timestamp: header('webhook-timestamp'), signature: header('webhook-signature') },
      rawBody,
    );
    if (!verification.ok) {
      request.log.warn({ reason: verification.reason }, 'webhook refused: signature');
      return reply.code(401).send({ error: verification.reason });
    }

    // Checked once the sender is known (401 first), before anything is stored under the id.
    const idProblem = webhookIdProblem(webhookId!);
    if (idProblem) {
      request.log.warn({ webhookIdLength: webhookId!.length }, 'webhook refused: webhook-id');
      return reply.code(400).send({ error: idProblem, problems: [{ path: 'webhook-id', message: idProblem }] });
    }

    const bodySha256 = createHash('sha256').update(rawBody).digest('hex');
    const replay = (earlier: StoredAnswer): FastifyReply => {
      if (earlier.bodySha256 !== bodySha256) {
        return reply.code(409).send({ error: 'this webhook-id was already used for a different body' });
      }
      request.log.info({ webhookId, status: earlier.statusCode }, 'webhook replayed');
      return reply.code(earlier.statusCode).send(earlier.response);
    };
    const earlier = await deps.records.webhookDeliveries.find(webhookId!);
    if (earlier) return replay(earlier);

    let body: unknown;
    try {
      // Strict: a byte that is not UTF-8 would otherwise become U+FFFD, changing the text unnoticed.
      body = JSON.parse(utf8.decode(rawBody));
    } catch {
      return reply
        .code(400)
        .send({ error: 'the body is not JSON in UTF-8', problems: [{ path: '', message: 'must be a JSON object in UTF-8' }] });
    }
    const parsed = parseWebhookEvent(body, { webhookTimestamp: new Date(Number(header('webhook-timestamp')) * 1000) });
    if (!parsed.ok) {
      request.log.info({ webhookId, problems: parsed.problems.length }, 'webhook refused: body');
      return reply.code(400).send({ error: 'the event does not fit the contract', problems: parsed.problems });
    }

    // One delivery of an id at a time: two that arrive together (the product's retry overtaking a slow
    // first attempt, or the same id reused) would otherwise both pass the check above and both act.
    // The other one waits for the first one's answer, or takes over once the first gave up its claim.
    const timeoutMs = deps.temporalCallTimeoutMs ?? defaultTemporalCallTimeoutMs;
    const token = randomUUID();
    const waitUntil = Date.now() + timeoutMs + 2_000;
    for (;;) {
      const now = new Date();
      const claimed = await deps.records.webhookDeliveries.claim(webhookId!, {
        bodySha256,
        token,
        claimedAt: now,
        staleBefore: new Date(now.getTime() - claimStaleAfterMs),
      });
      // Answered by a delivery that held the claim until just now?
      const first = await deps.records.webhookDeliveries.find(webhookId!);
      if (first) {
        if (claimed) await deps.records.webhookDeliveries.release(webhookId!, token);
        return replay(first);
      }
      if (claimed) break;
      if (Date.now() > waitUntil) {
        request.log.warn({ webhookId }, 'webhook-id still claimed by another delivery: answered 503');
        return reply
          .code(503)
          .header('retry-after', '5')
          .send({ error: 'another delivery of this webhook-id is still being handled; retry later' });
      }
      await sleep(claimPollMs);
    }

    let answer;
    let answered = false;
    try {
      try {
        answer = await deps.temporal.withDeadline(Date.now() + timeoutMs, () =>
          dispatchEvent(deps.temporal, deps.records, parsed.event, webhookId!, receivedAt),
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
        const kept = await deps.records.webhookDeliveries.answer(
          webhookId!,
          token,
          { eventType: parsed.event.type, bodySha256, statusCode: answer.statusCode, response: answer.body },
          new Date(),
        );
        answered = true;
        request.log.info({ webhookId, type: parsed.event.type, status: kept.statusCode }, 'webhook handled');
        // Another delivery's answer is kept instead only if this one's claim went stale and was taken over.
        return kept.bodySha256 === bodySha256 ? reply.code(kept.statusCode).send(kept.response) : replay(kept);
      }
    } finally {
      // Whatever happened (503, 400, 501, an error), an unanswered claim is given up for the retry.
      if (!answered) await deps.records.webhookDeliveries.release(webhookId!, token);
    }
    request.log.info({ webhookId, type: parsed.event.type, status: answer.statusCode }, 'webhook handled');
    return reply.code(answer.statusCode).send(answer.body);
  });
}
