import { sendPrivacyTeamAlert, type AlertOutcome } from './privacy-team';
import type { InstructionDecision, InstructionInput, InstructionResolution, ProcessingDecision } from '../domain/instruction';
import type { ProcessActivityDeps } from './deps';
import { emailCustomer, type CustomerEmailResult, type CustomerFacts } from './email/customer-contacts';
import * as instructionEmails from './email/templates/instruction';

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

  /** What every email about the instruction shows: the customer's facts, and the instruction's. */
  const caseFacts = (input: InstructionEmailContext, customer: CustomerFacts): instructionEmails.InstructionCaseFacts => ({
    ...customer,
    instructionId: input.instructionId,
    flaggedAt: input.flaggedAt,
  });

  return {
    /** 3.2 (i): the instruction is recorded as suspended from the moment it is flagged. */
    async recordInstructionFlagged(input: InstructionInput): Promise<void> {
      await records.recordFlagged(input);
    },

    /** 3.2: the customer is told at once, in its language, that the instruction is suspended and why. */
    async notifyCustomerOfSuspendedInstruction(
      input: InstructionEmailContext & { instruction: string; reason: string },
    ): Promise<CustomerEmailResult> {
      const { instruction, reason } = input;
      const result = await emailCustomer(deps, instructionEmailSteps.notice, input.customerId, (customer, language) =>
        instructionEmails.renderInstructionNotice({ ...caseFacts(input, customer), instruction, reason }, language),
      );
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
      const { sequence, decision, note, decidedAt } = input.decision;
      await records.recordDecision(input.instructionId, { sequence, decision, ...(note !== undefined && { note }), decidedAt });
    },

    /** 3.2 (ii): the customer is told whether processing continues under earlier instructions or stops. */
    async tellCustomerOfProcessingDecision(
      input: InstructionEmailContext & { decision: InstructionDecision },
    ): Promise<CustomerEmailResult> {
      const { sequence, decision, note, decidedAt } = input.decision;
      return emailCustomer(deps, instructionEmailSteps.decision(sequence), input.customerId, (customer, language) =>
        instructionEmails.renderInstructionDecision(
          { ...caseFacts(input, customer), decision, ...(note !== undefined && { note }), decidedAt },
          language,
        ),
      );
    },

    async remindCustomerOfSuspendedInstruction(
      input: InstructionEmailContext & { instruction: string; reason: string; reminderNumber: number; decision?: ProcessingDecision },
    ): Promise<CustomerEmailResult> {
      const { instruction, reason, reminderNumber, decision } = input;
      return emailCustomer(deps, instructionEmailSteps.reminder(reminderNumber), input.customerId, (customer, language) =>
        instructionEmails.renderInstructionReminder(
          { ...caseFacts(input, customer), instruction, reason, reminderNumber, ...(decision !== undefined && { decision }) },
          language,
        ),
      );
    },

    async recordInstructionResumed(input: { instructionId: string; resolution: InstructionResolution }): Promise<void> {
      const { kind, text, note, via, at } = input.resolution;
      await records.recordResumption(input.instructionId, {
        resolution: kind,
        text,
        ...(note !== undefined && { note }),
        via,
        resumedAt: at,
      });
    },

    /** The customer gets a confirmation that the instruction is carried out again. */
    async confirmInstructionResumed(input: InstructionEmailContext & { resolution: InstructionResolution }): Promise<CustomerEmailResult> {
      const { kind, text, at } = input.resolution;
      return emailCustomer(deps, instructionEmailSteps.resumed, input.customerId, (customer, language) =>
        instructionEmails.renderInstructionResumed({ ...caseFacts(input, customer), resolution: kind, text, resumedAt: at }, language),
      );
    },

    /** Internal alerts to the privacy team (PRIVACY_TEAM_EMAIL), in English. */
    async alertPrivacyTeamOfInstruction(input: { step: string; alert: instructionEmails.InstructionAlertFacts }): Promise<AlertOutcome> {
      return sendPrivacyTeamAlert(deps, input.step, instructionEmails.renderInstructionAlert(input.alert));
    },
  };
}
