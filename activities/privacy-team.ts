import { currentWorkflowId } from './workflow-context';
import { ApplicationFailure } from '@temporalio/common';
import type { EmailSender } from './email/send-email';
import { renderPrivacyTeamAlert } from './email/templates/breach';

export type PrivacyTeamAlert = Parameters<typeof renderPrivacyTeamAlert>[0];

/** Internal alerts to the processor's privacy team (PRIVACY_TEAM_EMAIL), in English. */
export function createPrivacyTeamActivities(deps: { emails: EmailSender; privacyTeamEmail: string }) {
  return {
    async alertPrivacyTeam(input: { step: string; alert: PrivacyTeamAlert }): Promise<void> {
      const workflowId = currentWorkflowId();
      const outcome = await deps.emails.send({
        workflowId,
        step: input.step,
        recipient: deps.privacyTeamEmail,
        language: 'en',
        email: renderPrivacyTeamAlert(input.alert),
      });
      if (outcome.status === 'rejected') {
        throw ApplicationFailure.nonRetryable(`the privacy team's address refused the alert: ${outcome.reason}`, 'PrivacyTeamUnreachable');
      }
    },
  };
}
