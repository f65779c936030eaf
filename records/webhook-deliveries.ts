import type { Db } from './database';

export interface StoredAnswer {
  eventType: string;
  bodySha256: string;
  statusCode: number;
  response: Record<string, unknown>;
}

/** The product's retries: a `webhook-id` seen before gets the answer it got the first time. */
export interface WebhookDeliveryRepository {
  find(webhookId: string): Promise<StoredAnswer | undefined>;
  /** Keeps the first answer when two deliveries of one id race. */
  record(webhookId: string, answer: StoredAnswer, receivedAt: Date): Promise<void>;
  /**
   * Claims `webhookId` for the delivery `token` before it is dispatched: true when this delivery now
   * holds it, either because nobody did or because the claim there was made before `staleBefore` (its
   * process died). False while another delivery of the id is being handled.
   */
  claim(webhookId: string, claim: { bodySha256: string; token: string; claimedAt: Date; staleBefore: Date }): Promise<boolean>;
  /**
   * Keeps the answer of the delivery that holds the claim and removes the claim, at once. Returns the
   * answer kept: the first one, should a delivery that took over a stale claim have answered before.
   */
  answer(webhookId: string, token: string, answer: StoredAnswer, receivedAt: Date): Promise<StoredAnswer>;
  /** Gives the claim up without an answer (a 503, 400 or 501 is not remembered): a retry may proceed. */
  release(webhookId: string, token: string): Promise<void>;
  /**
   * Standard Webhooks retries for days; ids are kept at least 7 days before they may be forgotten.
   * Claims older than `cutoff` (left by a process that died) go too.
   */
  pruneOlderThan(cutoff: Date): Promise<number>;
}

const toStoredAnswer = (row: {
  event_type: string;
  body_sha256: string;
  status_code: number;
  response: Record<string, unknown>;
}): StoredAnswer => ({
  eventType: row.event_type,
  bodySha256: row.body_sha256,
  statusCode: row.status_code,
  response: row.response,
});

/** Inserts the answer unless one is kept already for the id: the first answer stands. */
async function keepFirstAnswer(db: Db, webhookId: string, answer: StoredAnswer, receivedAt: Date): Promise<void> {
  await db
    .insertInto('webhook_deliveries')
    .values({
      webhook_id: webhookId,
      event_type: answer.eventType,
      body_sha256: answer.bodySha256,
      status_code: answer.statusCode,
      response: JSON.stringify(answer.response),
      received_at: receivedAt,
    })
    .onConflict((oc) => oc.column('webhook_id').doNothing())
    .execute();
}

export function webhookDeliveryRepository(db: Db): WebhookDeliveryRepository {
  return {
    async find(webhookId) {
      const row = await db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).executeTakeFirst();
      return row && toStoredAnswer(row);
    },

    async record(webhookId, answer, receivedAt) {
      await keepFirstAnswer(db, webhookId, answer, receivedAt);
    },

    async claim(webhookId, { bodySha256, token, claimedAt, staleBefore }) {
      const inserted = await db
        .insertInto('webhook_claims')
        .values({ webhook_id: webhookId, body_sha256: bodySha256, token, claimed_at: claimedAt })
        .onConflict((oc) => oc.column('webhook_id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return true;
      // One update at a time holds the row: of two deliveries taking over the same stale claim, the
      // second finds it fresh again and waits.
      const takenOver = await db
        .updateTable('webhook_claims')
        .set({ body_sha256: bodySha256, token, claimed_at: claimedAt })
        .where('webhook_id', '=', webhookId)
        .where('claimed_at', '<', staleBefore)
        .executeTakeFirst();
      return Number(takenOver.numUpdatedRows) > 0;
    },

    async answer(webhookId, token, answer, receivedAt) {
      return db.transaction().execute(async (trx) => {
        await keepFirstAnswer(trx, webhookId, answer, receivedAt);
        await trx.deleteFrom('webhook_claims').where('webhook_id', '=', webhookId).where('token', '=', token).execute();
        const kept = await trx.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).executeTakeFirstOrThrow();
        return toStoredAnswer(kept);
      });
    },

    async release(webhookId, token) {
      await db.deleteFrom('webhook_claims').where('webhook_id', '=', webhookId).where('token', '=', token).execute();
    },

    pruneOlderThan: (cutoff) => pruneWebhookAnswers(db, cutoff),
  };
}

/** Forgets the answers (and stale claims) of webhook-ids received before `cutoff`; gives the answers' count. */
export async function pruneWebhookAnswers(db: Db, cutoff: Date): Promise<number> {
  const result = await db.deleteFrom('webhook_deliveries').where('received_at', '<', cutoff).executeTakeFirst();
  await db.deleteFrom('webhook_claims').where('claimed_at', '<', cutoff).execute();
  return Number(result.numDeletedRows);
}
