import type { Client } from '@temporalio/client';
import type { Transporter } from 'nodemailer';
import { defaultContactPoint, type ContactPoint } from '../domain/contact-point';
import type { Records } from '../records';
import { createAuditActivities } from './audit';
import { createAuthorityActivities } from './authority';
import { createBreachActivities } from './breach';
import { createBreachAnnouncementActivities } from './breach-announcement';
import type { ProcessActivityDeps } from './deps';
import { createDigestActivities } from './digests';
import { createDsrActivities } from './dsr';
import { createEmailSender } from './email/send-email';
import { createInstructionActivities } from './instruction';
import { createObjectionWindowActivities } from './objection-windows';
import { createRetentionActivities } from './retention';
import { createSubprocessorChangeActivities } from './subprocessor-change';
import { createTerminationActivities } from './termination';
import { defaultTerminationConfig, type TerminationConfig } from '../domain/termination';

export interface ActivityDeps {
  records: Records;
  mailer: Transporter;
  mailFrom: string;
  privacyTeamEmail: string;
  /** Our contact point in every customer email; by default the privacy team at its own address. */
  contactPoint?: ContactPoint;
  productWebhook?: { url: string; secret: string };
  /** The end of a contract's settings (config: EXPORT_WINDOW_DAYS, PRODUCT_DATA_STORES, EXPORT_TOOL_URL, EXPORT_INSTRUCTIONS_*). */
  termination?: TerminationConfig;
  /** A client on the worker's own connection, for activities that start workflows. */
  temporal: Client;
}

/** Every activity the worker registers; workflows see only their types. */
export function createActivities(deps: ActivityDeps) {
  const emails = createEmailSender({ mailer: deps.mailer, emails: deps.records.emails, from: deps.mailFrom });
  const contactPoint = deps.contactPoint ?? defaultContactPoint(deps.privacyTeamEmail);
  const processDeps: ProcessActivityDeps = {
    records: deps.records,
    emails,
    privacyTeamEmail: deps.privacyTeamEmail,
    contactPoint,
    ...(deps.productWebhook && { productWebhook: deps.productWebhook }),
  };
  return {
    ...createBreachActivities({ records: deps.records, emails, privacyTeamEmail: deps.privacyTeamEmail, contactPoint }),
    ...createBreachAnnouncementActivities({
      records: deps.records,
      emails,
      privacyTeamEmail: deps.privacyTeamEmail,
      contactPoint,
      temporal: deps.temporal,
    }),
    ...createDsrActivities(processDeps),
    ...createAuthorityActivities(processDeps),
    ...createInstructionActivities(processDeps),
    ...createSubprocessorChangeActivities(processDeps),
    ...createObjectionWindowActivities(processDeps),
    ...createAuditActivities(processDeps),
    ...createTerminationActivities({ ...processDeps, termination: deps.termination ?? defaultTerminationConfig, temporal: deps.temporal }),
    ...createDigestActivities({ ...processDeps, temporal: deps.temporal }),
    ...createRetentionActivities({ records: deps.records }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
