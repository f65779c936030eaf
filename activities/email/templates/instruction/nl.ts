import { nl as common } from '../common/nl';
import type { InstructionCopy } from './copy';

export const nl = {
  marker: '[Verwerkingsinstructie]',
  confidential: 'Deze e-mail bevat vertrouwelijke informatie over de verwerking van persoonsgegevens voor uw organisatie.',
  reference: 'Referentie van de instructie',
  suspendedSince: 'Opgeschort sinds',
  theInstruction: 'De instructie',
  why: 'Waarom de instructie volgens ons in strijd is met de wet',
  whatWeAsk: 'Wat wij van u vragen',
  options: [
    'Herzie de instructie, zodat ze niet langer in strijd is met de AVG of andere wetgeving; of',
    'Handhaaft u de instructie, bevestig dan schriftelijk dat ze rechtmatig is en garandeer de wettelijkheid ervan, met een toelichting.',
  ],
  howToAnswer: (email, id) =>
    `U kunt antwoorden ${common.howToAnswer.inWriting(email)}, met vermelding van referentie ${id}. ` +
    'Als verwerkingsverantwoordelijke behoudt u de volledige zeggenschap over de verwerking (artikel 3.3 van onze ' +
    'Dataverwerkingspolicy). Kunt u uw verantwoordelijkheden op dit punt niet nakomen, laat het ons dan onverwijld ' +
    'weten (artikel 3.4).',
  questions: (email, id) => `Hebt u vragen, neem dan contact op met ${common.contactPoint(email)} en vermeld de referentie ${id}.`,
  notice: {
    subject: (id) => `Instructie ${id} opgeschort: mogelijk in strijd met de wet`,
    intro: (customer) =>
      `Als verwerker voor ${customer} verwerken wij persoonsgegevens alleen volgens uw gedocumenteerde instructies ` +
      '(artikel 3.1 van onze Dataverwerkingspolicy). Wij moeten u inlichten wanneer een instructie naar onze mening ' +
      'in strijd is met de Algemene Verordening Gegevensbescherming (AVG) of andere wetgeving (artikel 3.2 van onze ' +
      'Dataverwerkingspolicy; artikel 28, lid 3, laatste alinea, AVG). Dat is het geval voor de volgende instructie.',
    suspension: 'Opschorting van de instructie',
    suspensionText: (at) =>
      `Wij hebben de uitvoering van deze instructie opgeschort vanaf ${at} (artikel 3.2, i). Tot u de instructie ` +
      'herziet of de wettelijkheid ervan garandeert, verwerken wij uw persoonsgegevens naar eigen goeddunken verder ' +
      'volgens uw eerdere instructies, of zetten wij de verwerking stop (artikel 3.2, ii). Wij laten u weten welke ' +
      'keuze wij maken.',
    reminders: 'Zolang de instructie opgeschort blijft, sturen wij u geregeld een herinnering.',
  },
  decision: {
    subject: (id) => `Onze beslissing over de verwerking zolang instructie ${id} opgeschort is`,
    intro: (customer, flagged, id, decided) =>
      `Op ${flagged} hebben wij ${customer} laten weten dat wij instructie ${id} hebben opgeschort, omdat ze naar ` +
      'onze mening in strijd is met de AVG of andere wetgeving. Zoals artikel 3.2 van onze Dataverwerkingspolicy ' +
      `toelaat, hebben wij op ${decided} het volgende beslist.`,
    decidedAt: 'Beslist op',
    heading: {
      'continue-under-earlier-instructions': 'Wij verwerken verder volgens uw eerdere instructies',
      'stop-processing': 'Wij zetten de verwerking stop',
    },
    text: {
      'continue-under-earlier-instructions':
        'Wij voeren de opgeschorte instructie niet uit, maar blijven uw persoonsgegevens verwerken volgens de ' +
        'instructies die u ons eerder gaf. De diensten blijven dus beschikbaar zoals vóór deze instructie.',
      'stop-processing':
        'Wij zetten de verwerking van uw persoonsgegevens volledig stop tot u de instructie herziet of de ' +
        'wettelijkheid ervan garandeert. Diensten waarvoor die verwerking nodig is, zijn in die periode niet ' +
        'beschikbaar. Wij doen intussen niets anders met uw persoonsgegevens dan ze beveiligd bewaren; wij wissen ' +
        'niets zonder uw instructie.',
    },
    note: 'Toelichting',
    validity:
      'Deze beslissing geldt tot u de instructie herziet of schriftelijk de wettelijkheid ervan garandeert. Passen wij ' +
      'ze intussen aan, dan laten wij het u weten.',
  },
  reminder: {
    subject: (id, n) => `Herinnering ${n}: instructie ${id} blijft opgeschort`,
    intro: (customer, flagged, id, n) =>
      `Op ${flagged} hebben wij ${customer} laten weten dat instructie ${id} naar onze mening in strijd is met de ` +
      'AVG of andere wetgeving, en dat wij de uitvoering ervan hebben opgeschort. Wij hebben nog geen herziene ' +
      `instructie of garantie van de wettelijkheid ervan ontvangen; dit is herinnering nummer ${n}.`,
    meanwhile: 'Verwerking intussen',
    decision: {
      'continue-under-earlier-instructions': 'verder volgens uw eerdere instructies',
      'stop-processing': 'stopgezet tot u de instructie herziet of de wettelijkheid ervan garandeert',
      none: 'nog niet beslist: wij laten u onze beslissing weten',
    },
  },
  resumed: {
    subject: {
      revised: (id) => `Uw herziene instructie ${id} wordt uitgevoerd`,
      confirmed: (id) => `Instructie ${id} wordt opnieuw uitgevoerd op basis van uw garantie`,
    },
    intro: {
      revised: (customer, at, id) =>
        `Wij hebben op ${at} de herziene instructie van ${customer} ontvangen (referentie ${id}). Daarmee eindigt ` +
        'de opschorting: wij verwerken uw persoonsgegevens vanaf nu volgens de herziene instructie.',
      confirmed: (customer, at, id) =>
        `Wij hebben op ${at} de bevestiging ontvangen dat ${customer} instructie ${id} handhaaft en de ` +
        'wettelijkheid ervan garandeert. Als verwerkingsverantwoordelijke behoudt u de volledige zeggenschap over de ' +
        'verwerking (artikel 3.3 van onze Dataverwerkingspolicy); wij heffen de opschorting daarom op en voeren de ' +
        'instructie vanaf nu uit.',
    },
    resumedAt: 'Opnieuw uitgevoerd vanaf',
    textHeading: { revised: 'Uw herziene instructie', confirmed: 'Uw garantie' },
    after: {
      revised: 'Wij bewaren uw herziene instructie bij uw gedocumenteerde instructies (artikel 3.1).',
      confirmed:
        'Wij bewaren uw garantie bij uw gedocumenteerde instructies (artikel 3.1). Blijkt de instructie later toch ' +
        'in strijd met de wet, dan lichten wij u opnieuw in.',
    },
  },
} satisfies InstructionCopy;
