import type { RetentionCounts, RetentionSettings } from '../domain/digests';
import { millisPerDay } from '../domain/clocks/instant';
import type { Db } from './database';
import { anonymiseDsrRequests } from './dsr';
import { pruneWebhookAnswers } from './webhook-deliveries';

/**
 * Our own retention (issue 13; policy 11.1, GDPR Art. 5(1)(e)): what is due is anonymised or deleted, by
 * kind of record, counted from when the record's case ended (or, for evidence, from when it was made).
 * Each statement touches only what is due and not yet done, so a repeated run changes nothing more.
 * Returns counts only: no content leaves this module.
 */
export function retentionRepository(db: Db) {
  return {
    async applyRetention(at: string, settings: RetentionSettings): Promise<RetentionCounts> {
      const cutoff = (days: number) => new Date(Date.parse(at) - days * millisPerDay);
      return db.transaction().execute(async (trx) => {
        // A data subject request: the subject's address and every free text go (records/dsr.ts).
        const dsrRequestsAnonymised = await anonymiseDsrRequests(
          trx,
          trx
            .selectFrom('dsr_requests')
            .select('request_id')
            .where('status', '=', 'closed')
            .where('closed_at', '<', cutoff(settings.dsrSubjectDays)),
          at,
        );

        // Every email's evidence (recipient, subject, SMTP answer), once no attempt can still need it.
        const emails = await trx
          .deleteFrom('email_log')
          .where('created_at', '<', cutoff(settings.emailEvidenceDays))
          .where('status', 'in', ['sent', 'failed'])
          .executeTakeFirst();

        // A closed breach's register entry (Art. 33(5)), with its notifications and updates.
        const breaches = await trx
          .selectFrom('breach_incidents')
          .select('incident_id')
          .where('status', '=', 'closed')
          .where('closed_at', '<', cutoff(settings.breachRegisterDays))
          .execute();
        const incidentIds = breaches.map((row) => row.incident_id);
        if (incidentIds.length > 0) {
          await trx.deleteFrom('breach_updates').where('incident_id', 'in', incidentIds).execute();
          await trx.deleteFrom('breach_notifications').where('incident_id', 'in', incidentIds).execute();
          await trx.deleteFrom('breach_incidents').where('incident_id', 'in', incidentIds).execute();
        }

        // The answers remembered per webhook-id (the contract keeps them 7 days at least).
        const webhookDeliveriesDeleted = await pruneWebhookAnswers(trx, cutoff(settings.webhookDeliveryDays));

        // An audit's auditor, once the audit is over: the findings and the dates stay.
        const auditors = await trx
          .updateTable('audit_requests')
          .set({
            auditor_name: '(anonymised)',
            auditor_email: null,
            auditor_organisation: null,
            auditor_anonymised_at: at,
            updated_at: new Date(at),
          })
          .where('auditor_anonymised_at', 'is', null)
          .where((eb) =>
            eb.or([
              eb.and([eb('status', '=', 'closed'), eb('findings_recorded_at', '<', cutoff(settings.auditorDays))]),
              eb.and([eb('status', '=', 'cancelled'), eb('cancelled_at', '<', cutoff(settings.auditorDays))]),
            ]),
          )
          .executeTakeFirst();

        return {
          dsrRequestsAnonymised,
          emailsDeleted: Number(emails.numDeletedRows),
          breachesDeleted: incidentIds.length,
          webhookDeliveriesDeleted,
          auditorsAnonymised: Number(auditors.numUpdatedRows),
        };
      });
    },
  };
}
