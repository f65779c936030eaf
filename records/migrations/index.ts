import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './001-foundation';
import * as dsr from './002-dsr';
import * as authority from './003-authority';
import * as instruction from './004-instruction';
import * as subprocessors from './005-subprocessors';
import * as changeRecipients from './006-change-recipients';
import * as objectionDeliveries from './007-objection-deliveries';
import * as webhookClaims from './008-webhook-claims';
import * as emailLease from './009-email-lease';
import * as breachFinalReports from './010-breach-final-reports';
import * as breachFacts from './011-breach-facts';
import * as authorityBasis from './012-authority-basis';
import * as instructionOrder from './013-instruction-order';
import * as objectionWindows from './014-objection-windows';
import * as urgentChange from './015-urgent-change';
import * as objectionOutcome from './016-objection-outcome';
import * as audits from './017-audits';
import * as terminations from './018-terminations';
import * as terminationCertificates from './019-termination-certificates';
import * as ownRecordsAfterContract from './020-own-records-after-contract';
import * as retention from './021-retention';

/** Migrations are listed in code, in order, so that a bundled or compiled build carries them. */
const migrations: Record<string, Migration> = {
  '001-foundation': foundation,
  '002-dsr': dsr,
  '003-authority': authority,
  '004-instruction': instruction,
  '005-subprocessors': subprocessors,
  '006-change-recipients': changeRecipients,
  '007-objection-deliveries': objectionDeliveries,
  '008-webhook-claims': webhookClaims,
  '009-email-lease': emailLease,
  '010-breach-final-reports': breachFinalReports,
  '011-breach-facts': breachFacts,
  '012-authority-basis': authorityBasis,
  '013-instruction-order': instructionOrder,
  '014-objection-windows': objectionWindows,
  '015-urgent-change': urgentChange,
  '016-objection-outcome': objectionOutcome,
  '017-audits': audits,
  '018-terminations': terminations,
  '019-termination-certificates': terminationCertificates,
  '020-own-records-after-contract': ownRecordsAfterContract,
  '021-retention': retention,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
