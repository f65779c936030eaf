import { nl as common } from '../common/nl';
import type { InstructionCopy } from './copy';

export const nl = {
  marker: '[Verwerkingsinstructie]',
  confidential: 'Deze e-mail bevat vertrouwelijke informatie over de verwerking van persoonsgegevens voor uw organisatie.',
  reference: 'Referentie van de instructie',
  flaggedOn: 'Gemeld op',
  answerBy: 'Antwoord uiterlijk op',
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
    subject: (id) => `Instructie ${id} mogelijk in strijd met de wet: uw antwoord is nodig`,
    intro: (customer) =>
      `Als verwerker voor ${customer} verwerken wij persoonsgegevens alleen volgens uw gedocumenteerde instructies ` +
      '(artikel 3.1 van onze Dataverwerkingspolicy). Wij moeten u inlichten wanneer een instructie naar onze mening ' +
      'in strijd is met de Algemene Verordening Gegevensbescherming (AVG) of andere wetgeving (artikel 3.2 van onze ' +
      'Dataverwerkingspolicy; artikel 28, lid 3, laatste alinea, AVG). Dat is het geval voor de volgende instructie.',
    answer: 'Wat er nu gebeurt',
    answerText: (due) =>
      `Wij vragen u uiterlijk op ${due} te antwoorden. Hebt u de instructie tegen dan niet herzien en de ` +
      'wettelijkheid ervan niet gegarandeerd, of laat u ons weten dat u weigert ze te wijzigen, dan schorten wij de ' +
      'uitvoering ervan op (artikel 3.2, i). Wij verwerken uw persoonsgegevens dan naar eigen goeddunken verder ' +
      'volgens uw eerdere instructies, of zetten de verwerking volledig stop (artikel 3.2, ii). Wij laten u weten ' +
      'welke keuze wij maken.',
  },
  suspension: {
    subject: (id) => `Instructie ${id} opgeschort`,
    intro: {
      'no-answer': (customer, flagged, id, due) =>
        `Op ${flagged} hebben wij ${customer} laten weten dat instructie ${id} naar onze mening in strijd is met de ` +
        `AVG of andere wetgeving, en gevraagd ze uiterlijk op ${due} te herzien of de wettelijkheid ervan te ` +
        'garanderen. Tegen die datum hebben wij geen herziene instructie ontvangen die wij konden aanvaarden, en ook ' +
        'geen dergelijke garantie. Zoals artikel 3.2, i, van onze Dataverwerkingspolicy toelaat, hebben wij de ' +
        'uitvoering van de instructie daarom opgeschort.',
      refused: (customer, flagged, id) =>
        `Op ${flagged} hebben wij ${customer} laten weten dat instructie ${id} naar onze mening in strijd is met de ` +
        'AVG of andere wetgeving. U hebt ons laten weten dat u de instructie niet wijzigt. Zoals artikel 3.2, i, van ' +
        'onze Dataverwerkingspolicy toelaat, hebben wij de uitvoering ervan daarom opgeschort.',
      operator: (customer, flagged, id) =>
        `Op ${flagged} hebben wij ${customer} laten weten dat instructie ${id} naar onze mening in strijd is met de ` +
        'AVG of andere wetgeving. Omdat de instructie kennelijk onrechtmatig is, hebben wij de uitvoering ervan ' +
        'meteen opgeschort, zonder uw antwoord af te wachten (artikel 3.2, i, van onze Dataverwerkingspolicy). U kunt ' +
        'de instructie nog altijd herzien of de wettelijkheid ervan garanderen.',
    },
    reasonHeading: { refused: 'De reden die u opgaf', operator: 'Waarom wij ze meteen opschorten' },
    meanwhile: 'Verwerking intussen',
    meanwhileText:
      'Tot u de instructie herziet zodat ze niet langer in strijd is met de wet, of de wettelijkheid ervan ' +
      'garandeert, verwerken wij uw persoonsgegevens naar eigen goeddunken verder volgens uw eerdere instructies, ' +
      'of zetten wij de verwerking volledig stop (artikel 3.2, ii). Wij laten u weten welke keuze wij maken.',
    reminders: 'Zolang de instructie opgeschort blijft, sturen wij u geregeld een herinnering.',
  },
  revisionRejected: {
    subject: (id) => `Uw herziene instructie ${id} kan niet worden uitgevoerd`,
    intro: (customer, at, id) =>
      `Op ${at} hebben wij een herziening van instructie ${id} van ${customer} ontvangen. Naar onze mening is ook de ` +
      'herziene instructie in strijd met de AVG of andere wetgeving, zodat wij ze niet kunnen uitvoeren (artikel 3.2 ' +
      'van onze Dataverwerkingspolicy).',
    revisionHeading: 'Uw herziene instructie',
    whyHeading: 'Waarom ze nog altijd in strijd is met de wet',
    next: {
      flagged: (due) =>
        `U kunt ons tot ${due} nog een herziene instructie sturen of de wettelijkheid van de instructie garanderen. ` +
        'Daarna schorten wij de uitvoering ervan op (artikel 3.2, i).',
      suspended:
        'De uitvoering van de instructie is daarom opgeschort tot u ons een herziene instructie stuurt die niet langer ' +
        'in strijd is met de wet, of de wettelijkheid ervan garandeert (artikel 3.2).',
    },
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
        `Wij hebben op ${at} de herziene instructie van ${customer} aanvaard (referentie ${id}): naar onze mening is ` +
        'ze niet langer in strijd met de wet. Daarmee eindigt de opschorting: wij verwerken uw persoonsgegevens vanaf ' +
        'nu volgens de herziene instructie.',
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
    carriedOut: {
      subject: {
        revised: (id) => `Uw herziene instructie ${id} wordt uitgevoerd`,
        confirmed: (id) => `Instructie ${id} wordt uitgevoerd op basis van uw garantie`,
      },
      intro: {
        revised: (customer, at, id) =>
          `Wij hebben op ${at} de herziene instructie van ${customer} aanvaard (referentie ${id}): naar onze mening ` +
          'is ze niet langer in strijd met de wet. De instructie werd niet opgeschort; wij verwerken uw ' +
          'persoonsgegevens vanaf nu volgens de herziene instructie.',
        confirmed: (customer, at, id) =>
          `Wij hebben op ${at} de bevestiging ontvangen dat ${customer} instructie ${id} handhaaft en de ` +
          'wettelijkheid ervan garandeert. Als verwerkingsverantwoordelijke behoudt u de volledige zeggenschap over de ' +
          'verwerking (artikel 3.3 van onze Dataverwerkingspolicy); wij voeren de instructie daarom vanaf nu uit, ' +
          'zonder ze op te schorten.',
      },
      at: 'Uitgevoerd vanaf',
    },
  },
} satisfies InstructionCopy;
