import { workflowIds } from '../../../domain/ids';
import { instructionConfirmedSignal, instructionInput, instructionRevisedSignal } from '../../../domain/instruction';
import type { unlawfulInstruction } from '../../../workflows';
import { openCase, sendToCase } from '../answers';
import type { EventHandlers } from './types';

export const instructionHandlers: EventHandlers = {
  /** 3.2: an instruction the processor finds unlawful starts `instruction-<instructionId>`. */
  async 'instruction.flagged'({ client, timestamp }, data) {
    const input = instructionInput(data, timestamp);
    const workflowId = workflowIds.instruction(input.instructionId);
    return openCase<typeof unlawfulInstruction>(client, 'unlawfulInstruction', {
      workflowId,
      args: [input],
      process: 'instruction',
      customerIds: [input.customerId],
      staticSummary: `Instruction ${input.instructionId} of customer ${input.customerId}: suspended as unlawful`,
      closedReason: `instruction ${input.instructionId} was already resumed; flag it under a new instruction id`,
    });
  },

  async 'instruction.revised'({ client, webhookId, timestamp }, data) {
    return sendToCase(client, workflowIds.instruction(data.instructionId), `instruction ${data.instructionId}`, (handle) =>
      handle.signal(instructionRevisedSignal, { revision: data.revision, revisedAt: timestamp, webhookId }),
    );
  },

  /** 3.2–3.3: the customer maintains its instruction and guarantees its lawfulness. */
  async 'instruction.confirmed'({ client, webhookId, timestamp }, data) {
    return sendToCase(client, workflowIds.instruction(data.instructionId), `instruction ${data.instructionId}`, (handle) =>
      handle.signal(instructionConfirmedSignal, { guarantee: data.guarantee, confirmedAt: timestamp, webhookId }),
    );
  },
};
