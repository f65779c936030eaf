import type { ContactPoint } from '../domain/contact-point';
import type { Records } from '../records';
import type { EmailSender } from './email/send-email';

/** What every process's activities are built from (createActivities wires them). */
export interface ProcessActivityDeps {
  records: Records;
  emails: EmailSender;
  /** The processor's privacy team: the address of internal alerts. */
  privacyTeamEmail: string;
  /** Our contact point for data protection, in every customer email (Art. 33(3)(b)). */
  contactPoint: ContactPoint;
  /** Outgoing signed webhooks that ask the product to act (PRODUCT_WEBHOOK_URL and _SECRET). */
  productWebhook?: { url: string; secret: string };
}
