import { sendPrivacyTeamAlert, type AlertOutcome } from './privacy-team';
import type { InstructionDecision, InstructionInput, InstructionResolution, ProcessingDecision } from '../domain/instruction';
import type { ProcessActivityDeps } from './deps';
import { emailCustomerContacts, type CustomerEmailResult } from './email/customer-contacts';
import {
  renderInstructionAlert,
  renderInstructionDecision,
  renderInstructionNotice,
  renderInstructionReminder,
  renderInstructionResumed,
  type InstructionAlertFacts,
} from './email/templates/instruction';
import { currentWorkflowId } from './workflow-context';

/** What each email about one instruction needs from the workflow; the customer is read here. */
export interface InstructionEmailContext {
  instructionId: string;
  customerId: string;
  flaggedAt: string;
}

/** One step per email of the case: the idempotency key is workflow id + step + recipient. */
export const instructionEmailSteps = {
  notice: 'suspension-notice',
  decision: (sequence: number) => `decision-${sequence}`,
  reminder: (reminderNumber: number) => `reminder-${reminderNumber}`,
  resumed: 'resumption-confirmation',
} as const;

export function createInstructionActivities(deps: ProcessActivityDeps) {
  const records = deps.records.instructions;

  return {
    /** 3.2 (i): the instruction is recorded as suspended from the moment it is flagged. */
    async recordInstructionFlagged(input: InstructionInput): Promise<void> {
      await records.recordFlagged(input);
    },

    /** 3.2: the customer is told at once, in its language, that the instruction is suspended and why. */
    async notifyCustomerOfSuspendedInstruction(
      input: InstructionEmailContext & { instruction: string; reason: string },
    ): Promise<CustomerEmailResult> {
      const result = await emailCustomerContacts(deps, {
        workflowId: currentWorkflowId(),
        step: instructionEmailSteps.notice,
        customerId: input.customerId,
        render: (customer) =>
          renderInstructionNotice(
            {
              customerName: customer.name,
              instructionId: input.instructionId,
              instruction: input.instruction,
              reason: input.reason,
              flaggedAt: input.flaggedAt,
              contactEmail: deps.privacyTeamEmail,
              timeZone: customer.timeZone,
            },
            customer.language,
          ),
      });
      if (result.status === 'sent') {
        await records.recordNotice(input.instructionId, { status: 'notified', notifiedAt: result.firstAcceptedAt });
      } else if (result.status === 'undeliverable') {
        await records.recordNotice(input.instructionId, { status: 'undeliverable', problem: result.problem });
      }
      return result;
    },

    async recordInstructionNoticeUndeliverable(input: { instructionId: string; problem: string }): Promise<void> {
      await records.recordNotice(input.instructionId, { status: 'undeliverable', problem: input.problem });
    },

    async recordInstructionDecision(input: { instructionId: string; decision: InstructionDecision }): Promise<void> {
      await records.recordDecision(input.instructionId, {
        sequence: input.decision.sequence,
        decision: input.decision.decision,
        ...(input.decision.note !== undefined && { note: input.decision.note }),
        decidedAt: input.decision.decidedAt,
      });
    },

    /** 3.2 (ii): the customer is told whether processing continues under earlier instructions or stops. */
    async tellCustomerOfProcessingDecision(
      input: InstructionEmailContext & { decision: InstructionDecision },
    ): Promise<CustomerEmailResult> {
      return emailCustomerContacts(deps, {
        workflowId: currentWorkflowId(),
        step: instructionEmailSteps.decision(input.decision.sequence),
        customerId: input.customerId,
        render: (customer) =>
          renderInstructionDecision(
            {
              customerName: customer.name,
              instructionId: input.instructionId,
              flaggedAt: input.flaggedAt,
              decision: input.decision.decision,
              ...(input.decision.note !== undefined && { note: input.decision.note }),
              decidedAt: input.decision.decidedAt,
              contactEmail: deps.privacyTeamEmail,
              timeZone: customer.timeZone,
            },
            customer.language,
          ),
      });
    },

    async remindCustomerOfSuspendedInstruction(
      input: InstructionEmailContext & { instruction: string; reason: string; reminderNumber: number; decision?: ProcessingDecision },
    ): Promise<CustomerEmailResult> {
      return emailCustomerContacts(deps, {
        workflowId: currentWorkflowId(),
        step: instructionEmailSteps.reminder(input.reminderNumber),
        customerId: input.customerId,
        render: (customer) =>
          renderInstructionReminder(
            {
              customerName: customer.name,
              instructionId: input.instructionId,
              instruction: input.instruction,
              reason: input.reason,
              flaggedAt: input.flaggedAt,
              reminderNumber: input.reminderNumber,
              ...(input.decision !== undefined && { decision: input.decision }),
              contactEmail: deps.privacyTeamEmail,
              timeZone: customer.timeZone,
            },
            customer.language,
          ),
      });
    },

    async recordInstructionResumed(input: { instructionId: string; resolution: InstructionResolution }): Promise<void> {
      await records.recordResumption(input.instructionId, {
        resolution: input.resolution.kind,
        text: input.resolution.text,
        ...(input.resolution.note !== undefined && { note: input.resolution.note }),
        via: input.resolution.via,
        resumedAt: input.resolution.at,
      });
    },

    /** The customer gets a confirmation that the instruction is carried out again. */
    async confirmInstructionResumed(input: InstructionEmailContext & { resolution: InstructionResolution }): Promise<CustomerEmailResult> {
      return emailCustomerContacts(deps, {
        workflowId: currentWorkflowId(),
        step: instructionEmailSteps.resumed,
        customerId: input.customerId,
        render: (customer) =>
          renderInstructionResumed(
            {
              customerName: customer.name,
              instructionId: input.instructionId,
              flaggedAt: input.flaggedAt,
              resolution: input.resolution.kind,
              text: input.resolution.text,
              resumedAt: input.resolution.at,
              contactEmail: deps.privacyTeamEmail,
              timeZone: customer.timeZone,
            },
            customer.language,
          ),
      });
    },

    /** Internal alerts to the privacy team (PRIVACY_TEAM_EMAIL), in English. */
    async alertPrivacyTeamOfInstruction(input: { step: string; alert: InstructionAlertFacts }): Promise<AlertOutcome> {
      return sendPrivacyTeamAlert(deps, input.step, renderInstructionAlert(input.alert));
    },
  };
}
