import {
  breachFactsOf,
  controllerNotificationHours,
  type BreachAssessment,
  type BreachFacts,
  type BreachIncidentInput,
} from '../domain/breach';
import { addHours } from '../domain/clocks';
import type { ContactPoint } from '../domain/contact-point';
import type { Records } from '../records';
import type { BreachRegisterUpdate } from '../records/breach-register';
import {
  customerFacts,
  emailCustomer,
  emailCustomerContacts,
  type CustomerEmailResult,
  type CustomerFacts,
} from './email/customer-contacts';
import type { EmailSender } from './email/send-email';
import * as breachEmails from './email/templates/breach';
import { sendPrivacyTeamAlert, type AlertOutcome } from './privacy-team';
import { currentWorkflowId } from './workflow-context';

export type BreachPrivacyTeamAlert = breachEmails.PrivacyTeamAlertFacts;

export interface BreachActivityDeps {
  records: Records;
  emails: EmailSender;
  privacyTeamEmail: string;
  /** Our contact point, in every customer email (Art. 33(3)(b)). */
  contactPoint: ContactPoint;
}

export type NotifyCustomerResult =
  | { status: 'notified'; notifiedAt: string; recipients: number; undeliverable: number; contractualDeadlineAt?: string }
  | { status: 'undeliverable'; problem: string; contractualDeadlineAt?: string }
  | { status: 'customer-unknown' };

export function createBreachActivities(deps: BreachActivityDeps) {
  return {
    /** Art. 33(5): the register entry exists from the moment the breach is known. */
    async recordBreachIncident(input: BreachIncidentInput): Promise<void> {
      await deps.records.breaches.recordIncident(input);
      await deps.records.breaches.recordPendingNotifications(input.incidentId, input.affectedCustomerIds);
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
      return notifyCustomerOfBreach(deps, currentWorkflowId(), input);
    },

    /** An internal alert about a breach to the processor's privacy team (English). */
    async alertPrivacyTeamOfBreach(input: { step: string; alert: BreachPrivacyTeamAlert }): Promise<AlertOutcome> {
      return sendPrivacyTeamAlert(deps, input.step, breachEmails.renderPrivacyTeamAlert(input.alert));
    },

    /** What the notice's clocks need from the customer's contract; no personal data leaves. */
    async breachNoticeTerms(input: { customerId: string; awareAt: string }): Promise<{ known: boolean; contractualDeadlineAt?: string }> {
      const customer = await deps.records.customers.get(input.customerId);
      if (!customer) return { known: false };
      const hours = customer.contract.breachNoticeHours;
      return { known: true, ...(hours !== undefined && { contractualDeadlineAt: addHours(input.awareAt, hours) }) };
    },

    /** The acknowledgement is awaited: a reminder repeats the notice's key facts. */
    async remindCustomerOfBreach(input: {
      incidentId: string;
      customerId: string;
      facts: BreachFacts;
      notifiedAt: string;
      reminderNumber: number;
    }): Promise<CustomerEmailResult> {
      return emailCustomer(deps, `acknowledgement-reminder-${input.reminderNumber}`, input.customerId, (customer, language) =>
        breachEmails.renderBreachReminder(
          { ...noticeFacts(input.incidentId, input.facts, input.notifiedAt, customer), reminderNumber: input.reminderNumber },
          language,
        ),
      );
    },

    /** Art. 33(4): information in phases, to one customer; `key` names the update once and for all. */
    async sendBreachUpdate(input: {
      incidentId: string;
      customerId: string;
      key: string;
      update: string;
      measures: string[];
      contained?: boolean;
      /** 8.1: the update confirms, or rules out, a breach notified as suspected. */
      assessment?: BreachAssessment;
      /** Art. 33(4): what is known of the breach with this update (absent from calls scheduled before it existed). */
      facts?: BreachFacts;
      sentAt: string;
    }): Promise<CustomerEmailResult> {
      const { incidentId, update, measures, contained, assessment, facts, sentAt } = input;
      return emailCustomer(deps, `update-${input.key}`, input.customerId, (customer, language) =>
        breachEmails.renderBreachUpdate(
          {
            ...customer,
            incidentId,
            update,
            measures,
            ...(contained !== undefined && { contained }),
            ...(assessment !== undefined && { assessment }),
            ...(facts && { known: breachFactsOf(facts) }),
            sentAt,
          },
          language,
        ),
      );
    },

    async sendBreachFinalReport(input: {
      incidentId: string;
      customerId: string;
      finalReport: string;
      measures: string[];
      closedAt: string;
    }): Promise<CustomerEmailResult> {
      const { incidentId, finalReport, measures, closedAt } = input;
      const result = await emailCustomer(deps, 'final-report', input.customerId, (customer, language) =>
        breachEmails.renderBreachFinalReport({ ...customer, incidentId, finalReport, measures, closedAt }, language),
      );
      // Evidence that this customer has had its report; the incident stays `closing` until all have.
      if (result.status === 'sent')
        await deps.records.breaches.recordFinalReport(input.incidentId, input.customerId, { sentAt: result.firstAcceptedAt });
      else
        await deps.records.breaches.recordFinalReport(input.incidentId, input.customerId, {
          problem: result.status === 'undeliverable' ? result.problem : 'the customer has no record, so no contact is known',
        });
      return result;
    },

    /** A final report nobody will send (the customer's notice workflow has ended): settled with the reason. */
    async recordBreachFinalReportProblem(input: { incidentId: string; customerId: string; problem: string }): Promise<void> {
      await deps.records.breaches.recordFinalReport(input.incidentId, input.customerId, { problem: input.problem });
    },

    /** How many notified customers still await their final report (the incident's `closing` state). */
    async breachFinalReportsOutstanding(input: { incidentId: string }): Promise<number> {
      return deps.records.breaches.finalReportsOutstanding(input.incidentId);
    },

    async recordBreachCustomersAdded(input: { incidentId: string; customerIds: string[] }): Promise<void> {
      await deps.records.breaches.recordPendingNotifications(input.incidentId, input.customerIds);
    },

    async recordBreachUpdate(input: { incidentId: string; key: string; update: BreachRegisterUpdate }): Promise<void> {
      await deps.records.breaches.recordUpdate(input.incidentId, input.key, input.update);
    },

    async recordBreachAcknowledgement(input: { incidentId: string; customerId: string; at: string }): Promise<void> {
      await deps.records.breaches.recordAcknowledgement(input.incidentId, input.customerId, input.at);
    },

    async recordBreachUndeliverable(input: { incidentId: string; customerId: string; problem: string }): Promise<void> {
      await deps.records.breaches.recordNotification(input.incidentId, input.customerId, {
        status: 'undeliverable',
        problem: input.problem,
      });
    },

    async closeBreachRecord(input: { incidentId: string; finalReport: string; closedAt: string }): Promise<void> {
      await deps.records.breaches.recordUpdate(input.incidentId, `${input.incidentId}:closed`, {
        kind: 'closed',
        text: input.finalReport,
        measures: [],
        recordedAt: input.closedAt,
      });
      await deps.records.breaches.close(input.incidentId, input.finalReport, input.closedAt);
    },
  };
}

/**
 * 8.1: the initial breach notice to every contact of one customer, in its language, under the notice
 * workflow's id (`workflowId`) whoever sends it: the announcement or the notice workflow itself, so the
 * email log sends it once. The contacts are read here, so no email address enters a workflow history.
 */
export async function notifyCustomerOfBreach(
  deps: BreachActivityDeps & { heartbeat?: () => void },
  workflowId: string,
  input: { incidentId: string; customerId: string; facts: BreachFacts; noticeAt: string },
): Promise<NotifyCustomerResult> {
  let contractualDeadlineAt: string | undefined;
  const result = await emailCustomerContacts(deps, {
    workflowId,
    step: 'initial-notice',
    customerId: input.customerId,
    render: (customer) => {
      const hours = customer.contract.breachNoticeHours;
      contractualDeadlineAt = hours !== undefined ? addHours(input.facts.awareAt, hours) : undefined;
      return breachEmails.renderBreachNotice(
        {
          ...noticeFacts(input.incidentId, input.facts, input.noticeAt, customerFacts(customer, deps.contactPoint)),
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
    return { ...result, ...(contractualDeadlineAt && { contractualDeadlineAt }) };
  }
  const notifiedAt = result.firstAcceptedAt;
  await deps.records.breaches.recordNotification(input.incidentId, input.customerId, {
    status: 'notified',
    notifiedAt,
    controllerDeadlineAt: addHours(notifiedAt, controllerNotificationHours),
    ...(contractualDeadlineAt && { contractualDeadlineAt }),
    ...(result.refused > 0 && { problem: `${result.refused} contact(s) refused the notice` }),
  });
  return {
    status: 'notified',
    notifiedAt,
    recipients: result.recipients,
    undeliverable: result.refused,
    ...(contractualDeadlineAt && { contractualDeadlineAt }),
  };
}

function noticeFacts(incidentId: string, facts: BreachFacts, notifiedAt: string, customer: CustomerFacts): breachEmails.BreachNoticeFacts {
  return {
    ...breachFactsOf(facts),
    incidentId,
    ...customer,
    noticeSentAt: notifiedAt,
    controllerDeadlineAt: addHours(notifiedAt, controllerNotificationHours),
  };
}
