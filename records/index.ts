import { auditRepository } from './audits';
import { breachRegisterRepository } from './breach-register';
import { certificateRepository } from './certificates';
import { authorityRepository } from './authority';
import { customerRepository } from './customers';
import type { Db } from './database';
import { dsrAfterContractRepository, dsrRepository } from './dsr';
import { emailLogRepository } from './email-log';
import { instructionRepository } from './instruction';
import { objectionWindowRepository, objectionWindowsAfterContractRepository } from './objection-windows';
import { retentionRepository } from './retention';
import { subprocessorRepository } from './subprocessors';
import { terminationRepository } from './terminations';
import { webhookDeliveryRepository } from './webhook-deliveries';

export { openDatabase, type Database, type Db } from './database';

/** Every repository over one database: what activities and the HTTP server are given. */
export function createRecords(db: Db) {
  return {
    customers: customerRepository(db),
    webhookDeliveries: webhookDeliveryRepository(db),
    breaches: breachRegisterRepository(db),
    emails: emailLogRepository(db),
    dsr: dsrRepository(db),
    authority: authorityRepository(db),
    instructions: instructionRepository(db),
    subprocessors: subprocessorRepository(db),
    objectionWindows: objectionWindowRepository(db),
    audits: auditRepository(db),
    terminations: terminationRepository(db),
    retention: retentionRepository(db),
    certificates: certificateRepository(db),
    dsrAfterContract: dsrAfterContractRepository(db),
    objectionWindowsAfterContract: objectionWindowsAfterContractRepository(db),
  };
}

export type Records = ReturnType<typeof createRecords>;
