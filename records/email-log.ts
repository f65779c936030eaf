import { sql, type Selectable } from 'kysely';
import type { Db } from './database';
import type { EmailLogTable } from './schema';

export interface EmailClaim {
  idempotencyKey: string;
  workflowId: string;
  step: string;
  recipient: string;
  subject: string;
  language: string;
  messageId: string;
}

export interface EmailRecord extends EmailClaim {
  status: 'sending' | 'sent' | 'failed';
  attempts: number;
  smtpResponse: string | null;
  acceptedAt: string | null;
  error: string | null;
}

/** The evidence log of every email: recorded before the send and after SMTP answered. */
export interface EmailLogRepository {
  /** Records the intent to send (or a new attempt) and returns the row as it now stands. */
  claim(claim: EmailClaim): Promise<EmailRecord>;
  markSent(idempotencyKey: string, smtpResponse: string, acceptedAt: Date): Promise<void>;
  markFailed(idempotencyKey: string, error: string): Promise<void>;
  listForWorkflow(workflowId: string): Promise<EmailRecord[]>;
  list(filter?: { workflowIdPrefix?: string }): Promise<EmailRecord[]>;
}

export function emailLogRepository(db: Db): EmailLogRepository {
  const toRecord = (row: Selectable<EmailLogTable>): EmailRecord => ({
    idempotencyKey: row.idempotency_key,
    workflowId: row.workflow_id,
    step: row.step,
    recipient: row.recipient,
    subject: row.subject,
    language: row.language,
    messageId: row.message_id,
    status: row.status,
    attempts: row.attempts,
    smtpResponse: row.smtp_response,
    acceptedAt: row.accepted_at ? new Date(row.accepted_at).toISOString() : null,
    error: row.error,
  });

  return {
    async claim(claim) {
      const now = new Date();
      const row = await db
        .insertInto('email_log')
        .values({
          idempotency_key: claim.idempotencyKey,
          workflow_id: claim.workflowId,
          step: claim.step,
          recipient: claim.recipient,
          subject: claim.subject,
          language: claim.language,
          message_id: claim.messageId,
          status: 'sending',
          attempts: 1,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.column('idempotency_key').doUpdateSet((eb) => ({
            // A row already sent stays as it is; any other is a new attempt in progress.
            status: sql<EmailRecord['status']>`case when email_log.status = 'sent' then email_log.status else 'sending' end`,
            error: sql<string | null>`case when email_log.status = 'sent' then email_log.error else null end`,
            attempts: eb
              .case()
              .when('email_log.status', '=', 'sent')
              .then(eb.ref('email_log.attempts'))
              .else(eb(eb.ref('email_log.attempts'), '+', 1))
              .end(),
            updated_at: now,
          })),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },

    async markSent(idempotencyKey, smtpResponse, acceptedAt) {
      await db
        .updateTable('email_log')
        .set({ status: 'sent', smtp_response: smtpResponse, accepted_at: acceptedAt, error: null, updated_at: new Date() })
        .where('idempotency_key', '=', idempotencyKey)
        .execute();
    },

    async markFailed(idempotencyKey, error) {
      await db
        .updateTable('email_log')
        .set({ status: 'failed', error, updated_at: new Date() })
        .where('idempotency_key', '=', idempotencyKey)
        .where('status', '<>', 'sent')
        .execute();
    },

    async listForWorkflow(workflowId) {
      const rows = await db.selectFrom('email_log').selectAll().where('workflow_id', '=', workflowId).orderBy('created_at').execute();
      return rows.map(toRecord);
    },

    async list(filter = {}) {
      let query = db.selectFrom('email_log').selectAll();
      if (filter.workflowIdPrefix) query = query.where('workflow_id', 'like', `${filter.workflowIdPrefix}%`);
      const rows = await query.orderBy('created_at').orderBy('idempotency_key').execute();
      return rows.map(toRecord);
    },
  };
}
