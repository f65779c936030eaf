import { createHash } from 'node:crypto';
import type { CertifiedStore } from '../domain/termination';
import type { Language } from '../domain/language';
import type { Db } from './database';

/** A certificate of deletion as the records keep it (migration 019). */
export interface StoredCertificate {
  customerId: string;
  language: Language;
  filename: string;
  pdf: Buffer;
  sha256: string;
  stores: CertifiedStore[];
  deletedAt: string;
  issuedAt: string;
  emailedAt?: string;
  emailOutcome?: string;
}

/** The certificates of deletion (policy 11.3): one per customer, the first one issued is the one kept. */
export interface CertificateRepository {
  /**
   * Keeps the certificate unless one is kept already for the customer, and gives back the one kept: a
   * retried activity that built the PDF again sends the first one, byte for byte.
   */
  keep(certificate: {
    customerId: string;
    language: Language;
    filename: string;
    pdf: Buffer;
    stores: CertifiedStore[];
    deletedAt: string;
    /** The instant the PDF states as its issue. */
    issuedAt: string;
  }): Promise<StoredCertificate>;
  get(customerId: string): Promise<StoredCertificate | undefined>;
  /** How the email carrying it went; the first instant it was emailed stays. */
  recordEmailed(customerId: string, outcome: string, emailedAt: string | undefined): Promise<void>;
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function certificateRepository(db: Db): CertificateRepository {
  const get = async (customerId: string): Promise<StoredCertificate | undefined> => {
    const row = await db.selectFrom('termination_certificates').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
    if (!row) return undefined;
    return {
      customerId: row.customer_id,
      language: row.language,
      filename: row.filename,
      pdf: Buffer.from(row.pdf),
      sha256: row.sha256,
      stores: row.stores,
      deletedAt: row.deleted_at.toISOString(),
      issuedAt: row.issued_at.toISOString(),
      ...(row.emailed_at && { emailedAt: row.emailed_at.toISOString() }),
      ...(row.email_outcome !== null && { emailOutcome: row.email_outcome }),
    };
  };
  return {
    async keep(certificate) {
      await db
        .insertInto('termination_certificates')
        .values({
          customer_id: certificate.customerId,
          language: certificate.language,
          filename: certificate.filename,
          pdf: certificate.pdf,
          sha256: sha256Hex(certificate.pdf),
          stores: JSON.stringify(certificate.stores),
          deleted_at: certificate.deletedAt,
          issued_at: certificate.issuedAt,
        })
        .onConflict((oc) => oc.column('customer_id').doNothing())
        .execute();
      return (await get(certificate.customerId))!;
    },

    get,

    async recordEmailed(customerId, outcome, emailedAt) {
      await db
        .updateTable('termination_certificates')
        .set((eb) => ({
          email_outcome: outcome,
          emailed_at: eb.fn.coalesce('emailed_at', eb.val(emailedAt ?? null)),
        }))
        .where('customer_id', '=', customerId)
        .execute();
    },
  };
}
