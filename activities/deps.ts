import type { Records } from '../records';
import type { EmailSender } from './email/send-email';

/** What every process's activities are built from (createActivities wires them). */
export interface ProcessActivityDeps {
  records: Records;
  emails: EmailSender;
  /** The processor's privacy team: the customers' contact point and the address of internal alerts. */
  privacyTeamEmail: string;
  /** Outgoing signed webhooks that ask the product to act (PRODUCT_WEBHOOK_URL and _SECRET). */
  productWebhook?: { url: string; secret: string };
}
