import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
  type WorkflowHandle,
} from '@temporalio/client';
import type { UpdateDefinition, Workflow } from '@temporalio/common';
import { maxCustomerIdsInSearchAttribute, searchAttributes } from '../../domain/search-attributes';
import { taskQueue } from '../../domain/task-queue';

/** What the webhook endpoint answers once the event has reached Temporal (or was refused there). */
export type DispatchAnswer =
  | { statusCode: 202; body: { workflowId: string } & AnswerFacts }
  | { statusCode: 400; body: { error: string; problems: Array<{ path: string; message: string }> } }
  | { statusCode: 404 | 409 | 501; body: { error: string; workflowId?: string } & AnswerFacts };

/**
 * What a process tells the product beside the workflow id, in the public contract (the README names
 * them per event): an audit's `earliestDate` and `date`, say. JSON values only.
 */
export type AnswerFacts = { [fact: string]: string | number | boolean | null };

/** A body that fits the schema but breaks a rule of the policy (e.g. a transfer policy 6 forbids). */
export const invalid = (error: string, problems: Array<{ path: string; message: string }>): DispatchAnswer => ({
  statusCode: 400,
  body: { error, problems },
});

export const accepted = (workflowId: string, facts?: AnswerFacts): DispatchAnswer => ({
  statusCode: 202,
  body: { ...facts, workflowId },
});

export const refused = (statusCode: 404 | 409 | 501, error: string, workflowId?: string, facts?: AnswerFacts): DispatchAnswer => ({
  statusCode,
  body: { ...facts, error, ...(workflowId && { workflowId }) },
});

/**
 * A fact or decision for a case that must exist and be open: unknown is 404, ended is 409. `send`
 * may itself return a refusal (an update whose validator said no), which is answered as it is.
 * `explainEnded` may give the reason an ended case refuses the event (from its last state).
 */
export async function sendToCase(
  client: Client,
  workflowId: string,
  caseName: string,
  send: (handle: WorkflowHandle) => Promise<DispatchAnswer | void>,
  explainEnded?: (handle: WorkflowHandle, status: string) => Promise<string | undefined>,
): Promise<DispatchAnswer> {
  const handle = client.workflow.getHandle(workflowId);
  try {
    return (await send(handle)) ?? accepted(workflowId);
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
  try {
    const status = (await handle.describe()).status.name.toLowerCase();
    const reason = (await explainEnded?.(handle, status)) ?? `${caseName} is ${status}; the event was not applied`;
    return refused(409, reason, workflowId);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return refused(404, `${caseName} is not known`);
    throw error;
  }
}

/**
 * Starts the case of the public contract under its deterministic id. A repeated report of an open
 * case joins it (USE_EXISTING: one workflow however often the product delivers); a report of a case
 * that has ended is refused with 409 and `closedReason`, since an id names one case for ever.
 *
 * Typed by the workflow function, imported as a type only (the endpoint loads no workflow code):
 * `openCase<typeof dsrRequest>(client, 'dsrRequest', { args: [input], ... })`, so that the compiler
 * checks the input against the workflow's. Without the type argument `args` accepts nothing.
 */
export async function openCase<W extends Workflow = never>(
  client: Client,
  workflowType: string,
  options: {
    workflowId: string;
    args: Parameters<W>;
    process: string;
    /** The status the Web UI shows until the workflow sets its own. */
    status?: string;
    customerIds?: string[];
    staticSummary: string;
    closedReason: string;
  },
): Promise<DispatchAnswer> {
  try {
    // `args` was checked against W above; the SDK cannot resolve its option types for a W not yet known.
    await client.workflow.start<Workflow>(workflowType, {
      workflowId: options.workflowId,
      taskQueue,
      args: options.args,
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: searchAttributes.process, value: options.process },
        { key: searchAttributes.status, value: options.status ?? 'notifying' },
        ...(options.customerIds && options.customerIds.length <= maxCustomerIdsInSearchAttribute
          ? [{ key: searchAttributes.customerIds, value: options.customerIds }]
          : []),
      ],
      staticSummary: options.staticSummary,
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return refused(409, options.closedReason, options.workflowId);
    throw error;
  }
  return accepted(options.workflowId);
}

/** A decision the case may refuse (an update): its validator's reason becomes the 409's error. */
export async function decide(workflowId: string, update: () => Promise<unknown>): Promise<DispatchAnswer | void> {
  try {
    await update();
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      return refused(409, error.cause?.message ?? 'the case refused the event', workflowId);
    }
    throw error;
  }
}

/**
 * The contract's usual way of handing an event to an open case: a Temporal update under the delivery's
 * webhook-id (a redelivery is answered from the first), refused with 409 and the case's own reason, and
 * answered 404 or 409 when the case is unknown or has ended (`sendToCase`).
 */
export function updateCase<Ret, Message>(
  client: Client,
  workflowId: string,
  caseName: string,
  update: UpdateDefinition<Ret, [Message]>,
  message: Message,
  webhookId: string,
): Promise<DispatchAnswer> {
  return sendToCase(client, workflowId, caseName, (handle) =>
    decide(workflowId, () => handle.executeUpdate(update, { args: [message], updateId: webhookId })),
  );
}
