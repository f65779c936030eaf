import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { emailOptions } from '../../workflows/activity-options';

/**
 * Test-only workflows for test/workflow/mail-faults.test.ts: one activity each, with the product's
 * own options for email activities, so the test watches the activity's behaviour through a real worker
 * and server without depending on how a process workflow is built around it.
 */

const { notifyCustomerOfBreach } = proxyActivities<Activities>(emailOptions);

export async function notifyOneCustomerOfBreach(input: Parameters<Activities['notifyCustomerOfBreach']>[0]) {
  return notifyCustomerOfBreach(input);
}

export interface ProgressProbeInput {
  workflowId: string;
  customerId: string;
  passProgress: boolean;
}

const { sendWithProgress } = proxyActivities<{ sendWithProgress(input: ProgressProbeInput): Promise<{ resumedFrom: unknown }> }>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumAttempts: 2 },
});

export async function progressProbe(input: ProgressProbeInput) {
  return sendWithProgress(input);
}
