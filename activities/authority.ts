import { sendPrivacyTeamAlert, type AlertOutcome } from './privacy-team';
import type { AuthorityOutcome, AuthorityRequestInput, AuthorityRequestKind } from '../domain/authority';
import type { ProcessActivityDeps } from './deps';
import { emailCustomerContacts, type CustomerEmailResult } from './email/customer-contacts';
import {
  renderAuthorityAlert,
  renderAuthorityNotice,
  renderAuthorityOutcome,
  renderAuthorityViewReminder,
  type AuthorityAlertFacts,
} from './email/templates/authority';
import { currentWorkflowId } from './workflow-context';

/** What every customer's notice of one request shares; the customer's own facts are read here. */
export interface AuthorityNoticeContext {
  requestId: string;
  authority: string;
  requestKind: AuthorityRequestKind;
  receivedAt: string;
  prohibitionLiftedAt?: string;
  viewsDueAt?: string;
}

export type AuthorityCustomerEmailResult = { customerId: string } & CustomerEmailResult;

/**
 * Email steps carry the customer id: two customers may share a privacy contact (an agency, a group
 * DPO), and each must get its own notice under its own idempotency key.
 */
export const authorityEmailSteps = {
  notice: (customerId: string) => `notice-${customerId}`,
  viewReminder: (reminderNumber: number, customerId: string) => `view-reminder-${reminderNumber}-${customerId}`,
  outcome: (customerId: string) => `outcome-${customerId}`,
} as const;

export function createAuthorityActivities(deps: ProcessActivityDeps) {
  const records = deps.records.authority;

  return {
    /** The request exists in the records from the start, with every customer concerned. */
    async recordAuthorityRequest(input: AuthorityRequestInput): Promise<void> {
      await records.recordRequest(input);
    },

    async recordAuthorityDeadlines(input: { requestId: string; noticeDueAt?: string; viewsDueAt?: string }): Promise<void> {
      await records.recordDeadlines(input.requestId, input);
    },

    /**
     * 8.1: the notice to every contact of each customer, in its language. Contacts are read here, so no
     * address enters the workflow history. A customer not described yet comes back `customer-unknown`,
     * for the workflow to try again; every other result is recorded.
     */
    async notifyCustomersOfAuthorityRequest(input: {
      notice: AuthorityNoticeContext;
      customerIds: string[];
    }): Promise<AuthorityCustomerEmailResult[]> {
      const workflowId = currentWorkflowId();
      const results: AuthorityCustomerEmailResult[] = [];
      for (const customerId of input.customerIds) {
        const result = await emailCustomerContacts(deps, {
          workflowId,
          step: authorityEmailSteps.notice(customerId),
          customerId,
          render: (customer) =>
            renderAuthorityNotice(
              {
                customerName: customer.name,
                requestId: input.notice.requestId,
                authority: input.notice.authority,
                requestKind: input.notice.requestKind,
                receivedAt: input.notice.receivedAt,
                ...(input.notice.prohibitionLiftedAt !== undefined && { prohibitionLiftedAt: input.notice.prohibitionLiftedAt }),
                ...(input.notice.viewsDueAt !== undefined && { viewsDueAt: input.notice.viewsDueAt }),
                contactEmail: deps.privacyTeamEmail,
                timeZone: customer.timeZone,
              },
              customer.language,
            ),
        });
        if (result.status === 'sent') {
          await records.recordNotice(input.notice.requestId, customerId, {
            status: 'notified',
            notifiedAt: result.firstAcceptedAt,
            via: 'email',
          });
        } else if (result.status === 'undeliverable') {
          await records.recordNotice(input.notice.requestId, customerId, { status: 'undeliverable', problem: result.problem });
        }
        results.push({ customerId, ...result });
      }
      return results;
    },

    async recordAuthorityNoticesUndeliverable(input: {
      requestId: string;
      problems: Array<{ customerId: string; problem: string }>;
    }): Promise<void> {
      for (const { customerId, problem } of input.problems) {
        await records.recordNotice(input.requestId, customerId, { status: 'undeliverable', problem });
      }
    },

    /** An operator told the customer by another channel (telephone, letter). */
    async recordAuthorityCustomerNotified(input: {
      requestId: string;
      customerId: string;
      notifiedAt: string;
      channel: string;
    }): Promise<void> {
      await records.recordNotice(input.requestId, input.customerId, {
        status: 'notified',
        notifiedAt: input.notifiedAt,
        via: `operator: ${input.channel}`,
      });
    },

    /** 7.1: a reminder to each customer whose view on scope and manner is still awaited. */
    async remindCustomersOfAuthorityView(input: {
      requestId: string;
      authority: string;
      viewsDueAt: string;
      reminderNumber: number;
      customers: Array<{ customerId: string; notifiedAt: string }>;
    }): Promise<AuthorityCustomerEmailResult[]> {
      const workflowId = currentWorkflowId();
      const results: AuthorityCustomerEmailResult[] = [];
      for (const { customerId, notifiedAt } of input.customers) {
        const result = await emailCustomerContacts(deps, {
          workflowId,
          step: authorityEmailSteps.viewReminder(input.reminderNumber, customerId),
          customerId,
          render: (customer) =>
            renderAuthorityViewReminder(
              {
                customerName: customer.name,
                requestId: input.requestId,
                authority: input.authority,
                notifiedAt,
                viewsDueAt: input.viewsDueAt,
                reminderNumber: input.reminderNumber,
                contactEmail: deps.privacyTeamEmail,
                timeZone: customer.timeZone,
              },
              customer.language,
            ),
        });
        results.push({ customerId, ...result });
      }
      return results;
    },

    /** Idempotent on the delivery: the same webhook applied twice records one view. */
    async recordAuthorityCustomerView(input: {
      requestId: string;
      customerId: string;
      view: string;
      objectsToDisclosure: boolean;
      receivedAt: string;
      webhookId: string;
    }): Promise<void> {
      await records.recordView(input.requestId, `${currentWorkflowId()}:view:${input.webhookId}`, {
        customerId: input.customerId,
        view: input.view,
        objectsToDisclosure: input.objectsToDisclosure,
        receivedAt: input.receivedAt,
      });
    },

    async recordAuthorityProhibitionBasis(input: { requestId: string; basis: string; recordedAt: string }): Promise<void> {
      await records.recordProhibitionBasis(input.requestId, input.basis, input.recordedAt);
    },

    async recordAuthorityProhibitionLifted(input: { requestId: string; reason: string; liftedAt: string }): Promise<void> {
      await records.recordProhibitionLifted(input.requestId, input.reason, input.liftedAt);
    },

    async recordAuthorityOutcome(input: { requestId: string; outcome: AuthorityOutcome }): Promise<void> {
      await records.recordOutcome(input.requestId, input.outcome);
    },

    /** The end of the case, to each customer that was told of it. */
    async sendAuthorityOutcome(input: {
      notice: AuthorityNoticeContext;
      outcome: AuthorityOutcome;
      customerIds: string[];
    }): Promise<AuthorityCustomerEmailResult[]> {
      const workflowId = currentWorkflowId();
      const results: AuthorityCustomerEmailResult[] = [];
      for (const customerId of input.customerIds) {
        const result = await emailCustomerContacts(deps, {
          workflowId,
          step: authorityEmailSteps.outcome(customerId),
          customerId,
          render: (customer) => {
            const base = {
              customerName: customer.name,
              requestId: input.notice.requestId,
              authority: input.notice.authority,
              requestKind: input.notice.requestKind,
              receivedAt: input.notice.receivedAt,
              contactEmail: deps.privacyTeamEmail,
              timeZone: customer.timeZone,
            };
            return renderAuthorityOutcome(
              input.outcome.kind === 'answered'
                ? { ...base, kind: 'answered', at: input.outcome.at, summary: input.outcome.summary }
                : { ...base, kind: 'disclosed', at: input.outcome.at, scope: input.outcome.scope, manner: input.outcome.manner },
              customer.language,
            );
          },
        });
        results.push({ customerId, ...result });
      }
      return results;
    },

    /** Internal alerts to the privacy team (PRIVACY_TEAM_EMAIL), in English. */
    async alertPrivacyTeamOfAuthorityRequest(input: { step: string; alert: AuthorityAlertFacts }): Promise<AlertOutcome> {
      return sendPrivacyTeamAlert(deps, input.step, renderAuthorityAlert(input.alert));
    },
  };
}
