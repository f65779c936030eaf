import { nl as common } from '../common/nl';
import type { CustomerReminderCopy } from './copy';

export const nl = {
  marker: '[Wekelijkse herinnering]',
  confidential: 'Deze e-mail betreft de persoonsgegevens die wij voor u verwerken. Deel hem alleen met wie ze behandelt.',
  reference: 'Klantreferentie',
  questions: (email, id) => `Hebt u vragen, neem dan contact op met ${common.contactPoint(email)} en vermeld referentie ${id}.`,
  subject: (count) => (count === 1 ? 'Eén zaak wacht op uw antwoord' : `${count} zaken wachten op uw antwoord`),
  intro: (customer) =>
    `De volgende zaken over de persoonsgegevens die wij voor ${customer} verwerken, wachten op een antwoord of een handeling van u. Elke zaak heeft haar eigen e-mail met de details; dit is enkel een herinnering.`,
  kinds: {
    'breach-acknowledgement': 'Bevestig de ontvangst van onze melding van een datalek (artikel 8 van ons Data Processing Policy)',
    'dsr-instruction': 'Geef ons uw schriftelijke instructie over een verzoek van een betrokkene (artikel 10)',
    'authority-views': 'Geef ons uw standpunt over de omvang en de wijze van een mededeling aan een overheid (artikel 7.1)',
    'audit-confidentiality': 'Bevestig dat uw auditors vóór de audit tot geheimhouding verplicht zijn (artikel 12.3)',
    'export-window': 'Exporteer uw gegevens voordat uw exportperiode afloopt (artikel 11.2)',
  },
  item: 'Wat wij nodig hebben',
  caseReference: 'Referentie',
  deadline: 'Uiterlijk',
  noDeadline: 'zo snel mogelijk',
  afterwards: 'Hebt u al geantwoord, dan mag u deze herinnering negeren: berichten kunnen elkaar kruisen.',
} satisfies CustomerReminderCopy;
