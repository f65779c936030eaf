import { controllerNotificationHours, type BreachFacts, type BreachIncidentInput } from '../domain/breach';
import type { Records } from '../records';
import { emailCustomerContacts } from './email/customer-contacts';
import type { EmailSender } from './email/send-email';
import { renderBreachNotice } from './email/templates/breach';
import { currentWorkflowId } from './workflow-context';

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
      const contractualDeadlineFor = (hours: number | undefined) =>
        hours !== undefined ? addHours(input.facts.awareAt, hours) : undefined;
      let contractualDeadlineAt: string | undefined;
      const result = await emailCustomerContacts(deps, {
        workflowId: currentWorkflowId(),
        step: 'initial-notice',
        customerId: input.customerId,
        render: (customer) => {
          contractualDeadlineAt = contractualDeadlineFor(customer.contract.breachNoticeHours);
          return renderBreachNotice(
            {
              customerName: customer.name,
              incidentId: input.incidentId,
              awareAt: input.facts.awareAt,
              noticeSentAt: input.noticeAt,
              controllerDeadlineAt: addHours(input.noticeAt, controllerNotificationHours),
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
        },
      });
      if (result.status === 'customer-unknown') return result;
      if (result.status === 'undeliverable') {
        await deps.records.breaches.recordNotification(input.incidentId, input.customerId, {
          status: 'undeliverable',
          problem: result.problem,
          ...(contractualDeadlineAt && { contractualDeadlineAt }),
        });
        return result;
      }
      const notifiedAt = result.firstAcceptedAt;
      await deps.records.breaches.recordNotification(input.incidentId, input.customerId, {
        status: 'notified',
        notifiedAt,
        controllerDeadlineAt: addHours(notifiedAt, controllerNotificationHours),
        ...(contractualDeadlineAt && { contractualDeadlineAt }),
        ...(result.refused > 0 && { problem: `${result.refused} contact(s) refused the notice` }),
      });
      return { status: 'notified', notifiedAt, recipients: result.recipients, undeliverable: result.refused };
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
