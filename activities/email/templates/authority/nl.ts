import { nl as common } from '../common/nl';
import type { AuthorityCopy } from './copy';

export const nl = {
  marker: '[Overheidsverzoek]',
  confidential:
    'Deze e-mail bevat vertrouwelijke informatie over een verzoek van een overheidsinstantie. ' +
    'Deel ze alleen met wie ze nodig heeft om het verzoek te behandelen.',
  reference: 'Referentie',
  subjectReference: (id) => `referentie ${id}`,
  authority: 'Overheidsinstantie',
  kind: 'Soort verzoek',
  receivedAt: 'Door ons ontvangen op',
  kindPhrase: {
    information: 'een verzoek tot informatie',
    subpoena: 'een dagvaarding',
    inspection: 'een verzoek tot inspectie of audit',
    'disclosure-intent': 'een verzoek dat ons verplicht persoonsgegevens bekend te maken',
  },
  kindLabel: {
    information: 'Verzoek tot informatie',
    subpoena: 'Dagvaarding',
    inspection: 'Verzoek tot inspectie of audit',
    'disclosure-intent': 'Voorgenomen bekendmaking van persoonsgegevens',
  },
  questions: (email, id) =>
    `Hebt u vragen over dit verzoek, neem dan contact op met ${common.contactPoint(email)} en vermeld de referentie ${id}.`,
  notice: {
    intro: (customer, authority, kind) =>
      `Als verwerker voor ${customer} laten wij u weten dat wij van een overheidsinstantie, ${authority}, ${kind} ` +
      'hebben ontvangen in verband met persoonsgegevens die wij namens u verwerken. Wij informeren u hierover zoals artikel 8.1 van ' +
      'onze Dataverwerkingspolicy en artikel 28, lid 3, a, van de Algemene Verordening Gegevensbescherming (AVG) ' +
      'voorschrijven.',
    introDisclosure: (customer, authority) =>
      `Als verwerker voor ${customer} laten wij u weten dat wij voornemens zijn persoonsgegevens die wij namens u ` +
      `verwerken bekend te maken aan een overheidsinstantie, ${authority}, omdat de wet of een rechterlijke of andere overheidsbeslissing ` +
      'ons daartoe verplicht. Wij informeren u hierover vóór elke bekendmaking, zoals de artikelen 7.1 en 8.1 van ' +
      'onze Dataverwerkingspolicy en artikel 28, lid 3, a, van de Algemene Verordening Gegevensbescherming (AVG) ' +
      'voorschrijven.',
    prohibitionLifted: 'Wettelijk verbod op kennisgeving opgeheven op',
    heldBack: (at) =>
      'Wij mochten u hierover niet eerder inlichten: de wet verbood het ons om gewichtige redenen van algemeen ' +
      `belang (artikel 28, lid 3, a, AVG). Dat verbod werd op ${at} opgeheven, en daarom ontvangt u dit bericht pas nu.`,
    confidentiality: 'Vertrouwelijkheid (artikel 7.1 van onze Dataverwerkingspolicy)',
    confidentialityText:
      'Wij behandelen de persoonsgegevens die wij namens u verwerken vertrouwelijk. Wij maken ze alleen bekend ' +
      'voor zover de wet of een rechterlijke of andere overheidsbeslissing dat vereist, en wij bespreken de omvang ' +
      'en de wijze van elke bekendmaking vooraf met u.',
    views: 'Uw standpunt over de omvang en de wijze van de bekendmaking',
    viewsText: (due, email) =>
      `Wij vragen u ons uiterlijk op ${due} uw standpunt te bezorgen over de omvang en de wijze van de voorgenomen ` +
      'bekendmaking: welke gegevens, over welke betrokkenen, in welke vorm en langs welke weg, en of u bezwaar ' +
      `hebt tegen de bekendmaking zelf. U kunt antwoorden ${common.howToAnswer.inWriting(email)}.`,
    viewsDefault:
      'Maakt u bezwaar, dan wegen wij uw bezwaar af voordat wij iets bekendmaken. Ontvangen wij tegen die datum ' +
      'geen standpunt, dan maken wij niet meer bekend dan de wet strikt vereist, op de wijze die de overheidsinstantie ' +
      'oplegt.',
    next: 'Wat wij nu doen',
    nextText: (email) =>
      'Wij onderzoeken het verzoek en geven er niet verder gevolg aan dan de wet vereist. Moeten wij daarbij ' +
      'persoonsgegevens meedelen, dan bespreken wij vooraf de omvang en de wijze daarvan met u. Hebt u opmerkingen ' +
      'of bezwaren, bijvoorbeeld omdat u het verzoek zelf wilt behandelen of betwisten, laat het ons dan zo snel ' +
      `mogelijk weten via ${email}.`,
    nextTextViews: (due, email) =>
      'Wij onderzoeken het verzoek en geven er niet verder gevolg aan dan de wet vereist. Moeten wij in ons antwoord ' +
      'persoonsgegevens meedelen die wij namens u verwerken, dan doen wij dat pas nadat wij uw standpunt over de omvang ' +
      `en de wijze van die mededeling hebben ontvangen of, zonder standpunt van uw kant, ten vroegste op ${due}. Laat ons ` +
      'weten welke gegevens, over welke betrokkenen, in welke vorm en langs welke weg u aanvaardbaar vindt, en of u ' +
      'bezwaar hebt tegen elke mededeling, bijvoorbeeld omdat u het verzoek zelf wilt behandelen of betwisten. U kunt ' +
      `antwoorden ${common.howToAnswer.inWriting(email)}.`,
    nextViewsDefault:
      'Maakt u bezwaar, dan wegen wij uw bezwaar af voordat wij iets meedelen. Ontvangen wij tegen die datum geen ' +
      'standpunt, dan delen wij niet meer mee dan de wet strikt vereist, op de wijze die de overheidsinstantie oplegt. ' +
      'Bevat ons antwoord helemaal geen persoonsgegevens, dan vermelden wij dat uitdrukkelijk wanneer wij u laten weten ' +
      'hoe het verzoek werd afgehandeld.',
    keepInformed: 'Wij laten u weten hoe het verzoek werd afgehandeld.',
  },
  viewReminder: {
    subject: (n) => `Herinnering ${n}: uw standpunt over de voorgenomen bekendmaking`,
    intro: (customer, sentAt, authority, id) =>
      `Op ${sentAt} hebben wij ${customer} laten weten dat wij voornemens zijn persoonsgegevens die wij namens u ` +
      `verwerken bekend te maken aan een overheidsinstantie, ${authority} (referentie ${id}). Wij hebben uw standpunt over de omvang en de ` +
      'wijze van die bekendmaking nog niet ontvangen.',
    due: 'Uw standpunt verwacht uiterlijk op',
    request: (due, email) =>
      `Wij ontvangen het graag uiterlijk op ${due}, ${common.howToAnswer.inWriting(email)}. Vermeld ` +
      'ook of u bezwaar hebt tegen de bekendmaking. Zonder standpunt maken wij daarna niet meer bekend dan de wet ' +
      'strikt vereist, op de wijze die de overheidsinstantie oplegt (artikel 7.1 van onze Dataverwerkingspolicy).',
    notReceived:
      'Hebt u ons eerste bericht niet ontvangen, of behandelt iemand anders binnen uw organisatie zulke verzoeken, ' +
      'laat het ons dan onmiddellijk weten.',
  },
  outcome: {
    answeredSubject: 'Het verzoek werd afgehandeld',
    disclosedSubject: 'Bekendmaking van persoonsgegevens uitgevoerd',
    answeredIntro: (customer, received, authority, kind, id, at) =>
      `Op ${received} ontvingen wij van een overheidsinstantie, ${authority}, ${kind} in verband met persoonsgegevens die wij namens ` +
      `${customer} verwerken (referentie ${id}). Wij laten u weten dat wij dat verzoek op ${at} hebben afgehandeld.`,
    disclosedIntro: (customer, authority, id, at) =>
      `Wij laten u weten dat wij op ${at} persoonsgegevens die wij namens ${customer} verwerken hebben bekendgemaakt ` +
      `aan een overheidsinstantie, ${authority} (referentie ${id}), omdat de wet of een rechterlijke of andere overheidsbeslissing ons ` +
      'daartoe verplichtte (artikel 7.1 van onze Dataverwerkingspolicy).',
    outcomeAt: 'Afgehandeld op',
    howAnswered: 'Hoe wij het verzoek hebben afgehandeld',
    answerDisclosedNothing: 'Met ons antwoord hebben wij geen persoonsgegevens bekendgemaakt die wij namens u verwerken.',
    answerDisclosed:
      'Met ons antwoord hebben wij persoonsgegevens bekendgemaakt die wij namens u verwerken, niet meer dan de wet ' +
      'vereiste (artikel 7.1 van onze Dataverwerkingspolicy). Hieronder vindt u de omvang en de wijze van die bekendmaking.',
    scope: 'Omvang van de bekendmaking',
    manner: 'Wijze van de bekendmaking',
    closing:
      'Wij bewaren de stukken van dit verzoek als bewijs van wat werd meegedeeld, aan wie en wanneer. Hiermee is ' +
      'het verzoek voor ons afgesloten.',
  },
} satisfies AuthorityCopy;
