import { currentWorkflowId } from './workflow-context';
import { heartbeat } from '@temporalio/activity';
import { controllerNotificationHours, type BreachFacts, type BreachIncidentInput } from '../domain/breach';
import type { Records } from '../records';
import type { EmailSender } from './email/send-email';
import { renderBreachNotice } from './email/templates/breach';

export interface BreachActivityDeps {
  records: Records;
  emails: EmailSender;
  privacyTeamEmail: string;
}

export type NotifyCustomerResult =
  | { status: 'notified'; notifiedAt: string; recipients: number; undeliverable: number }
  | { status: 'undeliverable'; problem: string }
  | { status: 'customer-unknown' };

export function createBreachActivities(deps: BreachActivityDeps) {
  return {
    /** Art. 33(5): the register entry exists from the moment the breach is known. */
    async recordBreachIncident(input: BreachIncidentInput): Promise<void> {
      await deps.records.breaches.recordIncident(input);
      for (const customerId of input.affectedCustomerIds) {
        await deps.records.breaches.recordNotification(input.incidentId, customerId, { status: 'pending' });
      }
    },

    /**
     * 8.1: the initial breach notice to every contact of one customer, in its language. The contacts
     * are read here, not passed through the workflow, so no email address enters a workflow history.
     */
    async notifyCustomerOfBreach(input: {
      incidentId: string;
      customerId: string;
      facts: BreachFacts;
      noticeAt: string;
    }): Promise<NotifyCustomerResult> {
      const workflowId = currentWorkflowId();
      const customer = await deps.records.customers.get(input.customerId);
      if (!customer) return { status: 'customer-unknown' };

      const controllerDeadlineAt = addHours(input.noticeAt, controllerNotificationHours);
      const contractualDeadlineAt =
        customer.contract.breachNoticeHours !== undefined
          ? addHours(input.facts.awareAt, customer.contract.breachNoticeHours)
          : undefined;
      const email = renderBreachNotice(
        {
          customerName: customer.name,
          incidentId: input.incidentId,
          awareAt: input.facts.awareAt,
          noticeSentAt: input.noticeAt,
          controllerDeadlineAt,
          summary: input.facts.summary,
          dataCategories: input.facts.dataCategories,
          ...(input.facts.subjectsApprox !== undefined && { subjectsApprox: input.facts.subjectsApprox }),
          measures: input.facts.measures,
          contactEmail: deps.privacyTeamEmail,
          timeZone: customer.timeZone,
          ...(contractualDeadlineAt && { contractualDeadlineAt }),
        },
        customer.language,
      );

      let sent = 0;
      const refusals: string[] = [];
      let firstAcceptedAt: string | undefined;
      for (const contact of customer.contacts) {
        const outcome = await deps.emails.send({
          workflowId,
          step: 'initial-notice',
          recipient: contact.email,
          language: customer.language,
          email,
        });
        heartbeat();
        if (outcome.status === 'sent') {
          sent += 1;
          if (!firstAcceptedAt || outcome.acceptedAt < firstAcceptedAt) firstAcceptedAt = outcome.acceptedAt;
        } else {
          refusals.push(outcome.reason);
        }
      }

      if (sent === 0) {
        // Never the address itself: the register and the workflow keep no personal data.
        const problem = `no contact accepted the notice (${refusals.length} refused: ${refusals.join('; ')})`;
        await deps.records.breaches.recordNotification(input.incidentId, input.customerId, {
          status: 'undeliverable',
          problem,
          ...(contractualDeadlineAt && { contractualDeadlineAt }),
        });
        return { status: 'undeliverable', problem };
      }
      const notifiedAt = firstAcceptedAt ?? input.noticeAt;
      await deps.records.breaches.recordNotification(input.incidentId, input.customerId, {
        status: 'notified',
        notifiedAt,
        controllerDeadlineAt: addHours(notifiedAt, controllerNotificationHours),
        ...(contractualDeadlineAt && { contractualDeadlineAt }),
        ...(refusals.length > 0 && { problem: `${refusals.length} contact(s) refused the notice` }),
      });
      return { status: 'notified', notifiedAt, recipients: sent, undeliverable: refusals.length };
    },

    async recordBreachUndeliverable(input: { incidentId: string; customerId: string; problem: string }): Promise<void> {
      await deps.records.breaches.recordNotification(input.incidentId, input.customerId, {
        status: 'undeliverable',
        problem: input.problem,
      });
    },

    async closeBreachRecord(input: { incidentId: string; finalReport: string; closedAt: string }): Promise<void> {
      await deps.records.breaches.close(input.incidentId, input.finalReport, input.closedAt);
    },
  };
}

function addHours(instant: string, hours: number): string {
  return new Date(new Date(instant).getTime() + hours * 3_600_000).toISOString();
}
