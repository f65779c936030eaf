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
  /** Standard Webhooks retries for days; ids are kept at least 7 days before they may be forgotten. */
  pruneOlderThan(cutoff: Date): Promise<number>;
}

export function webhookDeliveryRepository(db: Db): WebhookDeliveryRepository {
  return {
    async find(webhookId) {
      const row = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('webhook_id', '=', webhookId)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        eventType: row.event_type,
        bodySha256: row.body_sha256,
        statusCode: row.status_code,
        response: row.response,
      };
    },

    async record(webhookId, answer, receivedAt) {
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
    },

    async pruneOlderThan(cutoff) {
      const result = await db.deleteFrom('webhook_deliveries').where('received_at', '<', cutoff).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
