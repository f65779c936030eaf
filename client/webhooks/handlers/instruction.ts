import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { workflowIds } from '../../../domain/ids';
import { instructionConfirmedSignal, instructionInput, instructionRevisedSignal } from '../../../domain/instruction';
import { searchAttributes } from '../../../domain/search-attributes';
import { taskQueue } from '../../../domain/task-queue';
import type { unlawfulInstruction } from '../../../workflows';
import { accepted, refused, sendToCase } from '../answers';
import type { EventHandlers } from './types';

export const instructionHandlers: EventHandlers = {
  /** 3.2: an instruction the processor finds unlawful starts `instruction-<instructionId>`. */
  async 'instruction.flagged'({ client, timestamp }, data) {
    const input = instructionInput(data, timestamp);
    const workflowId = workflowIds.instruction(input.instructionId);
    try {
      await client.workflow.start<typeof unlawfulInstruction>('unlawfulInstruction', {
        workflowId,
        taskQueue,
        args: [input],
        // A repeated flag of an open case joins it; one of a resumed instruction is refused.
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: searchAttributes.process, value: 'instruction' },
          { key: searchAttributes.status, value: 'notifying' },
          { key: searchAttributes.customerIds, value: [input.customerId] },
        ],
        staticSummary: `Instruction ${input.instructionId} of customer ${input.customerId}: suspended as unlawful`,
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        return refused(409, `instruction ${input.instructionId} was already resumed; flag it under a new instruction id`, workflowId);
      }
      throw error;
    }
    return accepted(workflowId);
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
