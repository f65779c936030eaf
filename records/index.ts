import { breachRegisterRepository } from './breach-register';
import { customerRepository } from './customers';
import type { Db } from './database';
import { emailLogRepository } from './email-log';
import { webhookDeliveryRepository } from './webhook-deliveries';

export { openDatabase, type Database, type Db } from './database';

/** Every repository over one database: what activities and the HTTP server are given. */
export function createRecords(db: Db) {
  return {
    customers: customerRepository(db),
    webhookDeliveries: webhookDeliveryRepository(db),
    breaches: breachRegisterRepository(db),
    emails: emailLogRepository(db),
  };
}

export type Records = ReturnType<typeof createRecords>;
