import { WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';

/** What the webhook endpoint answers once the event has reached Temporal (or was refused there). */
export type DispatchAnswer =
  | { statusCode: 202; body: { workflowId: string } }
  | { statusCode: 404 | 409 | 501; body: { error: string; workflowId?: string } };

export const accepted = (workflowId: string): DispatchAnswer => ({ statusCode: 202, body: { workflowId } });

export const refused = (statusCode: 404 | 409 | 501, error: string, workflowId?: string): DispatchAnswer => ({
  statusCode,
  body: { error, ...(workflowId && { workflowId }) },
});

/**
 * A fact or decision for a case that must exist and be open: unknown is 404, ended is 409. `send`
 * may itself return a refusal (an update whose validator said no), which is answered as it is.
 */
export async function sendToCase(
  client: Client,
  workflowId: string,
  caseName: string,
  send: (handle: WorkflowHandle) => Promise<DispatchAnswer | void>,
): Promise<DispatchAnswer> {
  const handle = client.workflow.getHandle(workflowId);
  try {
    return (await send(handle)) ?? accepted(workflowId);
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
  try {
    const description = await handle.describe();
    return refused(409, `${caseName} is ${description.status.name.toLowerCase()}; the event was not applied`, workflowId);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return refused(404, `${caseName} is not known`);
    throw error;
  }
}
