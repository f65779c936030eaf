import { sendPrivacyTeamAlert, type AlertOutcome } from './privacy-team';
import type { AuthorityOutcome, AuthorityRequestInput } from '../domain/authority';
import type { Language } from '../domain/language';
import type { ProcessActivityDeps } from './deps';
import { emailCustomer, type CustomerEmailResult, type CustomerFacts } from './email/customer-contacts';
import * as authorityEmails from './email/templates/authority';
import type { RenderedEmail } from './email/templates/rendered-email';
import { currentWorkflowId } from './workflow-context';

/** What every customer's notice of one request shares; the customer's own facts are read here. */
export type AuthorityNoticeContext = authorityEmails.AuthorityRequestFacts;

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

  /**
   * Each customer's email to every one of its contacts, one customer after the other, each under its
   * own step; `recorded` notes what became of a customer's email before the next customer's is sent.
   */
  async function emailEachCustomer(
    emails: ReadonlyArray<{ customerId: string; step: string; render: (customer: CustomerFacts, language: Language) => RenderedEmail }>,
    recorded?: (customerId: string, result: CustomerEmailResult) => Promise<void>,
  ): Promise<AuthorityCustomerEmailResult[]> {
    const results: AuthorityCustomerEmailResult[] = [];
    for (const { customerId, step, render } of emails) {
      const result = await emailCustomer(deps, step, customerId, render);
      await recorded?.(customerId, result);
      results.push({ customerId, ...result });
    }
    return results;
  }

  return {
    /** The request exists in the records from the start, with every customer concerned. */
    async recordAuthorityRequest(
      input: AuthorityRequestInput & { prohibitionBasisRecordedAt?: string; prohibitionBasisDueAt?: string },
    ): Promise<void> {
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
      const { notice } = input;
      return emailEachCustomer(
        input.customerIds.map((customerId) => ({
          customerId,
          step: authorityEmailSteps.notice(customerId),
          render: (customer, language) => authorityEmails.renderAuthorityNotice({ ...notice, ...customer }, language),
        })),
        async (customerId, result) => {
          if (result.status === 'sent') {
            await records.recordNotice(notice.requestId, customerId, {
              status: 'notified',
              notifiedAt: result.firstAcceptedAt,
              via: 'email',
            });
          } else if (result.status === 'undeliverable') {
            await records.recordNotice(notice.requestId, customerId, { status: 'undeliverable', problem: result.problem });
          }
        },
      );
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
      const { requestId, authority, viewsDueAt, reminderNumber } = input;
      return emailEachCustomer(
        input.customers.map(({ customerId, notifiedAt }) => ({
          customerId,
          step: authorityEmailSteps.viewReminder(reminderNumber, customerId),
          render: (customer, language) =>
            authorityEmails.renderAuthorityViewReminder(
              { ...customer, requestId, authority, notifiedAt, viewsDueAt, reminderNumber },
              language,
            ),
        })),
      );
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
      const { requestId, authority, requestKind, receivedAt } = input.notice;
      const { outcome } = input;
      const told =
        outcome.kind === 'disclosed'
          ? { kind: 'disclosed' as const, at: outcome.at, scope: outcome.scope, manner: outcome.manner }
          : outcome.disclosesPersonalData
            ? {
                kind: 'answered' as const,
                at: outcome.at,
                summary: outcome.summary,
                disclosesPersonalData: true as const,
                scope: outcome.scope,
                manner: outcome.manner,
              }
            : { kind: 'answered' as const, at: outcome.at, summary: outcome.summary, disclosesPersonalData: false as const };
      return emailEachCustomer(
        input.customerIds.map((customerId) => ({
          customerId,
          step: authorityEmailSteps.outcome(customerId),
          render: (customer, language) =>
            authorityEmails.renderAuthorityOutcome({ ...customer, requestId, authority, requestKind, receivedAt, ...told }, language),
        })),
      );
    },

    /** Internal alerts to the privacy team (PRIVACY_TEAM_EMAIL), in English. */
    async alertPrivacyTeamOfAuthorityRequest(input: { step: string; alert: authorityEmails.AuthorityAlertFacts }): Promise<AlertOutcome> {
      return sendPrivacyTeamAlert(deps, input.step, authorityEmails.renderAuthorityAlert(input.alert));
    },
  };
}
