import { workflowIds } from '../../../domain/ids';
import {
  instructionConfirmedSignal,
  instructionInput,
  instructionRefusedSignal,
  instructionRevisedSignal,
} from '../../../domain/instruction';
import type { customerCannotComply, unlawfulInstruction } from '../../../workflows';
import { accepted, openCase, refused, sendToCase } from '../answers';
import type { EventHandlers } from './types';

export const instructionHandlers: EventHandlers = {
  /** 3.2: an instruction the processor finds unlawful starts `instruction-<instructionId>`; the customer may answer before it is suspended. */
  async 'instruction.flagged'({ client, timestamp }, data) {
    const input = instructionInput(data, timestamp);
    const workflowId = workflowIds.instruction(input.instructionId);
    return openCase<typeof unlawfulInstruction>(client, 'unlawfulInstruction', {
      workflowId,
      args: [input],
      process: 'instruction',
      customerIds: [input.customerId],
      staticSummary: `Instruction ${input.instructionId} of customer ${input.customerId}: flagged as unlawful`,
      closedReason: `instruction ${input.instructionId} was already closed (carried out or resumed); flag it under a new instruction id`,
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

  /**
   * 3.4: the customer cannot meet its obligations. Its words may name people, so they go to the records,
   * never into Temporal; written first, so that a 503 after this write finds the same facts when the
   * product retries. `cannot-comply-<noticeId>` then alerts the privacy team. The same notice again is
   * answered 202 whether or not its case has ended; other facts under its id are a 409.
   */
  async 'customer.cannot-comply'({ client, records, timestamp }, data) {
    const workflowId = workflowIds.cannotComply(data.noticeId);
    const receipt = await records.instructions.recordCannotComply({
      noticeId: data.noticeId,
      customerId: data.customerId,
      obligation: data.obligation,
      ...(data.description !== undefined && { description: data.description }),
      receivedAt: timestamp,
    });
    if (receipt.outcome === 'conflict') {
      return refused(
        409,
        `notice ${data.noticeId} was already received with another ${receipt.differs.join(', ')}; report a new notice under a new id`,
        workflowId,
      );
    }
    const answer = await openCase<typeof customerCannotComply>(client, 'customerCannotComply', {
      workflowId,
      args: [{ noticeId: data.noticeId, customerId: data.customerId, receivedAt: receipt.receivedAt }],
      process: 'cannot-comply',
      status: 'alerting',
      customerIds: [data.customerId],
      staticSummary: `Notice ${data.noticeId} of customer ${data.customerId}: cannot meet its obligations (3.4)`,
      closedReason: `notice ${data.noticeId} was already received`,
    });
    // The same notice, delivered again after its case ended: already received, and the team already told.
    return answer.statusCode === 409 && receipt.outcome === 'already-recorded' ? accepted(workflowId) : answer;
  },

  /** 3.2: the customer refuses to change its instruction; a flagged one is suspended. */
  async 'instruction.refused'({ client, webhookId, timestamp }, data) {
    return sendToCase(client, workflowIds.instruction(data.instructionId), `instruction ${data.instructionId}`, (handle) =>
      handle.signal(instructionRefusedSignal, {
        ...(data.reason !== undefined && { reason: data.reason }),
        refusedAt: timestamp,
        webhookId,
      }),
    );
  },
};
