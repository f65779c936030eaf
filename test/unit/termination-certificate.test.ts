import { createHash } from 'node:crypto';
import { renderCertificatePdf, renderTerminationCertificate } from '../../activities/email/templates/termination';
import type { CertifiedStore } from '../../domain/termination';
import { pdfText } from '../support/pdf-text';

const stores: CertifiedStore[] = [
  { store: 'app-db', method: 'delete', completedAt: '2027-07-02T22:10:00.000Z', reference: 'DEL-2027-0042' },
  { store: 'search.eu_1', method: 'anonymise', completedAt: '2027-07-03T08:00:00.000Z', reference: 'ANON/77' },
  {
    store: 'backups',
    method: 'delete',
    completedAt: '2027-07-04T09:30:00.000Z',
    reference: 'BK-9',
    lastCopyExpiresAt: '2027-10-01T00:00:00.000Z',
  },
];
const facts = {
  customerId: 'cert-1',
  customerName: 'Société Générale d’Éléphants & Zoë',
  timeZone: 'Europe/Brussels',
  deletedAt: '2027-07-04T09:30:00.000Z',
  issuedAt: '2027-07-04T09:31:00.000Z',
  stores,
  contact: { name: 'Délégué à la protection des données', email: 'dpo@processor.example', telephone: '+32 2 123 45 67' },
};

test.each([
  [
    'fr',
    [
      'Certificat d’effacement',
      'définitivement effacées ou anonymisées',
      'anonymisées',
      'effacées',
      '1er octobre 2027',
      'Système : backups',
      'le sous-traitant',
    ],
  ],
  ['nl', ['Certificaat van verwijdering', 'definitief gewist of geanonimiseerd', 'geanonimiseerd', '1 oktober 2027', 'de verwerker']],
  ['en', ['Certificate of deletion', 'permanently deleted or anonymised', 'anonymised', '1 October 2027', 'the processor']],
] as const)(
  'the certificate of deletion in %s names every store, its method, completion and reference, and who signs it',
  async (language, phrases) => {
    const pdf = await renderCertificatePdf(facts, language);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, title } = await pdfText(pdf);
    for (const store of stores) {
      expect(text).toContain(store.store);
      expect(text).toContain(store.reference);
    }
    for (const phrase of phrases) expect(text).toContain(phrase);
    expect(text).toContain(facts.customerName);
    expect(text).toContain('cert-1');
    expect(text).toContain('Délégué à la protection des données, dpo@processor.example, +32 2 123 45 67');
    expect(title).toContain('cert-1');
  },
);

test('a named processor signs the certificate, and the same facts give the same PDF', async () => {
  const named = { ...facts, processorName: 'o2o NV' };
  const first = await renderCertificatePdf(named, 'nl');
  const { text } = await pdfText(first);
  expect(text).toContain('Uitgereikt door o2o NV op');
  const again = await renderCertificatePdf(named, 'nl');
  const hash = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  expect(hash(again)).toBe(hash(first));
});

test('the email carrying the certificate lists every store in its body and attaches the PDF under its name', async () => {
  const pdf = await renderCertificatePdf(facts, 'fr');
  const email = renderTerminationCertificate(
    {
      ...facts,
      terminatedAt: '2027-06-01T08:00:00.000Z',
      certificate: { filename: 'certificate-of-deletion-cert-1.pdf', pdf },
    },
    'fr',
  );
  expect(email.subject).toContain('Certificat d’effacement');
  for (const store of stores) {
    expect(email.text).toContain(store.store);
    expect(email.text).toContain(store.reference);
    expect(email.html).toContain(store.reference);
  }
  expect(email.text).toContain('la dernière copie de sauvegarde expire le');
  expect(email.attachments).toEqual([{ filename: 'certificate-of-deletion-cert-1.pdf', contentType: 'application/pdf', content: pdf }]);
});
