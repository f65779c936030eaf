import { nl as common } from '../common/nl';
import type { DsrCopy } from './copy';

export const nl = {
  marker: '[Verzoek betrokkene]',
  confidential:
    'Deze e-mail gaat over een verzoek van een betrokkene. Behandel hem volgens uw eigen privacyprocedures ' +
    'en deel hem alleen met wie het verzoek moet behandelen.',
  reference: 'Referentie van het verzoek',
  subjectReference: (id) => `verzoek ${id}`,
  requestType: 'Soort verzoek',
  receivedAt: 'Door ons ontvangen op',
  deadline: 'Uw uiterste antwoorddatum (artikel 12, lid 3, AVG)',
  requestTypes: {
    access: 'Recht van inzage (artikel 15 AVG)',
    rectification: 'Recht op rectificatie (artikel 16 AVG)',
    erasure: 'Recht op gegevenswissing (artikel 17 AVG)',
    restriction: 'Recht op beperking van de verwerking (artikel 18 AVG)',
    portability: 'Recht op overdraagbaarheid van gegevens (artikel 20 AVG)',
    objection: 'Recht van bezwaar (artikel 21 AVG)',
  },
  instructions: {
    respond:
      'antwoorden: wij verzamelen de persoonsgegevens van de betrokkene en stellen ze via ons platform ter ' +
      'beschikking, zodat u de betrokkene kunt antwoorden;',
    rectify: 'rectificeren: wij corrigeren of vervolledigen de persoonsgegevens zoals u aangeeft;',
    erase: 'wissen: wij verwijderen de persoonsgegevens van de betrokkene;',
    restrict: 'beperken: wij beperken de verwerking van de persoonsgegevens van de betrokkene;',
    'handled-by-customer': 'zelf behandelen: u behandelt het verzoek zelf en wij sluiten het dossier zonder verdere actie.',
  },
  months: (count) => (count === 1 ? '1 maand' : `${count} maanden`),
  questions: (email, id) => `Hebt u vragen, neem dan contact op met ${common.contactPoint(email)} en vermeld daarbij de referentie ${id}.`,
  notice: {
    subject: 'Een betrokkene heeft ons gecontacteerd',
    intro: (customer) =>
      `Als verwerker voor ${customer} laten wij u onmiddellijk weten dat een betrokkene ons heeft gecontacteerd ` +
      'om zijn of haar rechten uit te oefenen op grond van de Algemene Verordening Gegevensbescherming (AVG), ' +
      'met betrekking tot persoonsgegevens die wij namens u verwerken, zoals artikel 10.2 van onze ' +
      'Dataverwerkingspolicy en artikel 28, lid 3, e, AVG voorschrijven.',
    toldSubject: 'Wat wij de betrokkene hebben gemeld',
    subjectConfirmed: (customer) =>
      `Wij hebben de betrokkene enkel bevestigd dat het verzoek betrekking heeft op ${customer} en dat wij het aan ` +
      'u hebben doorgestuurd. Wij hebben het verzoek niet beantwoord en de betrokkene niets anders meegedeeld.',
    subjectNoAddress:
      'De betrokkene heeft ons geen e-mailadres gegeven; wij hebben hem of haar dus niet geantwoord. Op het verzoek ' +
      'zelf zijn wij niet ingegaan.',
    instructionHeading: 'Zonder uw schriftelijke instructie gebeurt er niets',
    instructionIntro:
      'Volgens artikel 10.2 van onze Dataverwerkingspolicy gaan wij niet in op een verzoek van een betrokkene ' +
      'zonder uw voorafgaande schriftelijke toestemming. Bezorg ons uw instructie via ons platform en vermeld ' +
      'daarbij de referentie hierboven. U kunt ons vragen om:',
    instructionOther: (email) => `Kunt u het platform niet gebruiken, stuur uw schriftelijke instructie dan naar ${email}.`,
    deadlineHeading: 'Uw termijn',
    deadlineText: (deadline) =>
      'Als verwerkingsverantwoordelijke moet u de betrokkene onverwijld en uiterlijk binnen een maand na ontvangst ' +
      'van het verzoek informeren over het gevolg dat eraan gegeven is (artikel 12, lid 3, AVG). Voor dit verzoek ' +
      `is dat uiterlijk ${deadline}.`,
    extensionText:
      'Afhankelijk van de complexiteit van het verzoek en het aantal verzoeken kan die termijn indien nodig met ' +
      'nog eens twee maanden worden verlengd. U moet de betrokkene dan binnen de eerste maand op de hoogte brengen ' +
      'van de verlenging en van de redenen van de vertraging. Verlengt u de termijn, laat het ons dan weten via het ' +
      'platform, zodat onze herinneringen de nieuwe datum volgen.',
    reminders: 'Zolang wij uw instructie niet hebben ontvangen, sturen wij u herinneringen vóór de uiterste datum.',
  },
  reminder: {
    subject: 'Herinnering: wij wachten op uw instructie',
    intro: (customer, received) =>
      `Op ${received} heeft een betrokkene ons gecontacteerd met een verzoek over persoonsgegevens die wij ` +
      `namens ${customer} verwerken. Wij hebben u toen meteen op de hoogte gebracht, maar hebben uw schriftelijke ` +
      'instructie nog niet ontvangen.',
    deadlineText: (deadline) =>
      `Uw uiterste datum om de betrokkene te antwoorden (artikel 12, lid 3, AVG) is ${deadline}. Volgens artikel ` +
      '10.2 van onze Dataverwerkingspolicy ondernemen wij niets zolang u ons geen schriftelijke instructie geeft.',
    choose: 'Bezorg ons uw instructie via ons platform. U kunt ons vragen om:',
    alreadyHandled:
      'Hebt u het verzoek intussen zelf behandeld, laat het ons dan weten (instructie: zelf behandelen), zodat wij ' +
      'het dossier kunnen sluiten en u geen herinneringen meer ontvangt.',
  },
  extension: {
    subject: 'Verlenging van uw termijn geregistreerd',
    intro: (extra, total) =>
      `Wij hebben geregistreerd dat u de termijn om dit verzoek te beantwoorden met ${extra} verlengt. De termijn ` +
      `is daarmee in totaal met ${total} verlengd; artikel 12, lid 3, AVG staat ten hoogste twee maanden toe.`,
    originalDeadline: 'Oorspronkelijke uiterste datum',
    newDeadline: 'Nieuwe uiterste datum',
    reason: 'Opgegeven reden',
    tellSubject:
      'Vergeet niet dat u de betrokkene binnen een maand na ontvangst van het verzoek op de hoogte moet brengen ' +
      'van de verlenging en van de redenen van de vertraging (artikel 12, lid 3, AVG).',
    stillAwaited:
      'Onze herinneringen volgen voortaan de nieuwe datum. Zonder uw schriftelijke instructie ondernemen wij nog ' + 'steeds niets.',
  },
  closure: {
    subject: 'Verzoek afgesloten',
    carriedOut: {
      respond: (at) =>
        'Zoals u ons hebt gevraagd, zijn de persoonsgegevens van de betrokkene verzameld en op ' +
        `${at} voor u ter beschikking gesteld op ons platform, zodat u de betrokkene kunt antwoorden.`,
      rectify: (at) => `Zoals u ons hebt gevraagd, zijn de persoonsgegevens van de betrokkene op ${at} gerectificeerd.`,
      erase: (at) => `Zoals u ons hebt gevraagd, zijn de persoonsgegevens van de betrokkene op ${at} gewist.`,
      restrict: (at) => `Zoals u ons hebt gevraagd, is de verwerking van de persoonsgegevens van de betrokkene op ${at} beperkt.`,
    },
    handledByCustomer:
      'Wij hebben uw instructie geregistreerd dat u dit verzoek zelf behandelt. Wij hebben er zelf niets mee ' +
      'gedaan en sluiten het dossier aan onze kant af.',
    closedAt: 'Afgesloten op',
    yours: (deadline) =>
      'Het antwoord aan de betrokkene blijft uw verantwoordelijkheid als verwerkingsverantwoordelijke (artikel 12 ' +
      'AVG); wij nemen over dit verzoek geen contact op met de betrokkene. Breng de betrokkene zo nodig vóór uw ' +
      `uiterste datum op de hoogte: ${deadline}.`,
  },
  subjectConfirmation: {
    subject: (customer) => `Uw verzoek met betrekking tot ${customer}`,
    body: (customer) =>
      `Wij bevestigen dat uw verzoek betrekking heeft op ${customer}. Wij hebben het doorgestuurd naar ${customer}; ` +
      `de verdere behandeling ervan is de verantwoordelijkheid van ${customer}.`,
  },
} satisfies DsrCopy;
