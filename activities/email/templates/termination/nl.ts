import { nl as common } from '../common/nl';
import type { TerminationCopy } from './copy';

export const nl = {
  marker: '[Einde overeenkomst]',
  confidential:
    'Deze e-mail gaat over de persoonsgegevens die wij namens u verwerken. Deel hem enkel met wie het einde van de overeenkomst behandelt.',
  reference: 'Klantreferentie',
  subjectReference: (id) => `klant ${id}`,
  questions: (email, id) => `Hebt u vragen, neem dan contact op met ${common.contactPoint(email)} en vermeld referentie ${id}.`,
  terminatedAt: 'Einde van de overeenkomst',
  windowEnds: 'Einde van de exportperiode',
  exportHeading: 'Zo exporteert u uw gegevens',
  exportTool: 'Exporttool',
  days: (count) => (count === 1 ? '1 dag' : `${count} dagen`),
  notice: {
    subject: 'Exporteer uw gegevens voor ze worden gewist',
    intro: (customer, terminated) =>
      `De overeenkomst tussen ${customer} en ons is beëindigd op ${terminated}. Zoals artikel 11.2 van onze ` +
      'Dataverwerkingspolicy en artikel 28, lid 3, onder g), AVG bepalen, kunt u eerst de persoonsgegevens ' +
      'exporteren die wij namens u verwerken.',
    windowText: (days, end) => `Uw exportperiode bedraagt ${days} vanaf deze kennisgeving en eindigt op ${end}.`,
    afterwards:
      'Na afloop van die periode wissen of anonimiseren wij uw persoonsgegevens in al onze systemen (artikel 11.3) ' +
      'en bevestigen wij u dat. Hebt u meer tijd nodig, vraag het ons dan voor de periode afloopt.',
    reminders: 'Wij herinneren u 7 dagen en 1 dag voor het einde van de periode.',
  },
  reminder: {
    subject: (end) => `Herinnering: uw exportperiode eindigt op ${end}`,
    intro: (customer, end) =>
      `De exportperiode voor de persoonsgegevens die wij namens ${customer} verwerken, eindigt op ${end}. Daarna ` +
      'wissen of anonimiseren wij ze (artikel 11.3 van onze Dataverwerkingspolicy).',
    afterwards: 'Hebt u uw gegevens al geëxporteerd, dan kunt u deze herinnering negeren.',
  },
  extension: {
    subject: 'Uw exportperiode is verlengd',
    intro: (extra) => `Wij hebben uw exportperiode met ${extra} verlengd.`,
    previousEnd: 'Vorig einde',
    newEnd: 'Nieuw einde',
    reason: 'Opgegeven reden',
    reminders: 'Onze herinneringen volgen het nieuwe einde.',
  },
  waiver: {
    subject: 'Op uw verzoek starten wij nu met het wissen van uw gegevens',
    intro: (customer, completed) => `Wij hebben geregistreerd dat ${customer} de export van zijn gegevens op ${completed} heeft voltooid.`,
    waived: (end) => `Op uw schriftelijk verzoek is afgezien van de rest van uw exportperiode, die op ${end} zou eindigen.`,
    deletion: 'Wij wissen of anonimiseren nu uw persoonsgegevens in al onze systemen (artikel 11.3) en bevestigen u dat.',
  },
  certificate: {
    subject: 'Certificaat van verwijdering van uw persoonsgegevens',
    intro: (customer, deleted) =>
      `Al onze systemen hebben bevestigd dat de persoonsgegevens die wij namens ${customer} verwerkten, gewist of ` +
      `geanonimiseerd zijn (artikel 11.3 van onze Dataverwerkingspolicy, artikel 28, lid 3, onder g), AVG). De laatste ` +
      `bevestiging kwam op ${deleted}.`,
    storesHeading: 'Systemen en wat elk deed',
    storeLine: (store, method, completed, reference, lastCopy) =>
      `${store}: ${method} op ${completed}, referentie ${reference}` + (lastCopy ? `; de laatste back-upkopie vervalt op ${lastCopy}` : ''),
    attached: (filename) => `Het certificaat van verwijdering zit als pdf in de bijlage (${filename}). Bewaar het bij uw documenten.`,
    ownRecords:
      'Wij bewaren enkel het bewijs dat elk van onze verplichtingen is nagekomen (de e-mails die wij stuurden en onze ' +
      'registers), zonder persoonsgegevens van uw betrokkenen.',
    methods: { delete: 'gewist', anonymise: 'geanonimiseerd' },
    pdf: {
      title: 'Certificaat van verwijdering',
      customer: 'Klant',
      deletedAt: 'Verwijdering bevestigd',
      statement: (customer, id) =>
        `Wij verklaren dat de persoonsgegevens die wij onder onze Dataverwerkingspolicy namens ${customer} (klantreferentie ` +
        `${id}) verwerkten, definitief gewist of geanonimiseerd zijn in elk van de onderstaande systemen, na de exportperiode ` +
        'die volgde op het einde van de overeenkomst (artikel 11.3; artikel 28, lid 3, onder g), AVG).',
      store: 'Systeem',
      method: 'Methode',
      completedAt: 'Voltooid op',
      reference: 'Referentie',
      lastCopyExpiresAt: 'Laatste back-upkopie vervalt op',
      ownRecords:
        'Wij bewaren enkel het bewijs dat elk van onze verplichtingen is nagekomen (de e-mails die wij stuurden, onze ' +
        'registers en dit certificaat), zonder persoonsgegevens van uw betrokkenen.',
      issuedBy: (processor, issued) => `Uitgereikt door ${processor} op ${issued}.`,
      contactPoint: 'Contactpunt voor gegevensbescherming',
      processorFallback: 'de verwerker',
      page: (number, count) => `Pagina ${number} van ${count}`,
    },
  },
} satisfies TerminationCopy;
