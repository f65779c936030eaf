import PDFDocument from 'pdfkit';
import type { ContactPoint } from '../../../../domain/contact-point';
import type { CertifiedStore } from '../../../../domain/termination';
import type { Language } from '../../../../domain/language';
import { localised } from '../common/localised';
import { copies } from './copies';

/** What the certificate of deletion states (policy 11.3; GDPR Art. 28(3)(g)). */
export interface CertificateFacts {
  customerId: string;
  customerName: string;
  timeZone: string;
  /** When the last store confirmed. */
  deletedAt: string;
  /** When the certificate was issued (its PDF's creation date). */
  issuedAt: string;
  stores: readonly CertifiedStore[];
  /** The processor who signs it; the copy's fallback when the deployment names none. */
  processorName?: string;
  contact: ContactPoint;
}

/**
 * The standard PDF fonts (Helvetica) are written in WinAnsi: every French and Dutch letter, the typographic
 * apostrophe, dashes and guillemets are in it. Spaces Intl uses in dates (narrow and thin no-break
 * spaces) are not, and become plain spaces.
 */
function pdfText(text: string): string {
  return text.replace(/[\u2009\u202f\u2007]/g, ' ');
}

/**
 * The certificate of deletion as a PDF, in the customer's language: the statement, one block per store
 * (method, completion, reference, a backup's last-copy expiry), what the product itself keeps, and the
 * processor's name and contact point. The same facts give the same text; the bytes kept are those of
 * the first rendering (records/certificates.ts).
 */
export function renderCertificatePdf(facts: CertificateFacts, language: Language): Promise<Buffer> {
  const { copy, at } = localised(copies, language, facts.timeZone);
  const c = copy.certificate.pdf;
  const issuedAt = new Date(facts.issuedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    lang: language,
    info: {
      Title: pdfText(`${c.title} – ${facts.customerId}`),
      Subject: pdfText(`${c.title} – ${facts.customerName}`),
      Author: pdfText(facts.processorName ?? c.processorFallback),
      CreationDate: issuedAt,
      ModDate: issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // French puts a space before a colon.
  const colon = language === 'fr' ? ' : ' : ': ';
  const label = (text: string) => doc.font('Helvetica-Bold').fontSize(10).text(pdfText(text), { continued: false });
  const value = (text: string) => doc.font('Helvetica').fontSize(10).text(pdfText(text)).moveDown(0.3);

  doc.font('Helvetica-Bold').fontSize(20).text(pdfText(c.title)).moveDown(0.8);
  label(c.customer);
  value(`${facts.customerName} (${facts.customerId})`);
  label(c.deletedAt);
  value(at(facts.deletedAt));
  doc.moveDown(0.5);
  doc
    .font('Helvetica')
    .fontSize(11)
    .text(pdfText(c.statement(facts.customerName, facts.customerId)), { align: 'justify' })
    .moveDown(0.8);

  for (const store of facts.stores) {
    doc
      .font('Helvetica-Bold')
      .fontSize(12)
      .text(pdfText(`${c.store}${colon}${store.store}`))
      .moveDown(0.2);
    label(c.method);
    value(copy.certificate.methods[store.method]);
    label(c.completedAt);
    value(at(store.completedAt));
    label(c.reference);
    value(store.reference);
    if (store.lastCopyExpiresAt !== undefined) {
      label(c.lastCopyExpiresAt);
      value(at(store.lastCopyExpiresAt));
    }
    doc.moveDown(0.5);
  }

  doc.font('Helvetica').fontSize(10).text(pdfText(c.ownRecords)).moveDown(1);
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(pdfText(c.issuedBy(facts.processorName ?? c.processorFallback, at(facts.issuedAt))));
  doc.moveDown(0.3);
  label(c.contactPoint);
  value([facts.contact.name, facts.contact.email, facts.contact.telephone].filter((part) => part !== undefined).join(', '));

  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index += 1) {
    doc.switchToPage(range.start + index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(pdfText(`${c.title} – ${facts.customerId} – ${c.page(index + 1, range.count)}`), 56, doc.page.height - 40, {
        width: doc.page.width - 112,
        align: 'center',
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
