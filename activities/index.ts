import type { Transporter } from 'nodemailer';
import type { Records } from '../records';
import { createBreachActivities } from './breach';
import { createCustomerActivities } from './customer';
import { createEmailSender } from './email/send-email';
import { createPrivacyTeamActivities } from './privacy-team';

export interface ActivityDeps {
  records: Records;
  mailer: Transporter;
  mailFrom: string;
  privacyTeamEmail: string;
}

/** Every activity the worker registers; workflows see only their types. */
export function createActivities(deps: ActivityDeps) {
  const emails = createEmailSender({ mailer: deps.mailer, emails: deps.records.emails, from: deps.mailFrom });
  return {
    ...createCustomerActivities({ records: deps.records }),
    ...createBreachActivities({ records: deps.records, emails, privacyTeamEmail: deps.privacyTeamEmail }),
    ...createPrivacyTeamActivities({ emails, privacyTeamEmail: deps.privacyTeamEmail }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
