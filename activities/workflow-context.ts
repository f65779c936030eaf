import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';

/** The workflow an activity runs for: the first part of every idempotency key. */
export function currentWorkflowId(): string {
  const workflowId = Context.current().info.workflowExecution?.workflowId;
  if (!workflowId) throw ApplicationFailure.nonRetryable('this activity must run inside a workflow', 'NoWorkflow');
  return workflowId;
}
