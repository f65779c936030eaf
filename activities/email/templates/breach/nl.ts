import { nl as common } from '../common/nl';
import type { BreachCopy } from './copy';

export const nl = {
  marker: '[Datalek]',
  confidential:
    'Deze e-mail bevat vertrouwelijke informatie over een beveiligingsincident. ' +
    'Deel ze alleen met wie ze nodig heeft om de inbreuk te behandelen.',
  incident: 'Incidentnummer',
  notYetKnown: 'nog niet bekend',
  approximately: (count) => `ongeveer ${count}`,
  notice: {
    subject: (id) => `Melding van een inbreuk in verband met persoonsgegevens – incident ${id}`,
    intro: (customer) =>
      `Als verwerker voor ${customer} melden wij u een inbreuk in verband met persoonsgegevens die wij namens u ` +
      'verwerken. Wij doen dat zonder onnodige vertraging nadat wij er kennis van hebben genomen, zoals artikel 8 ' +
      'van onze Dataverwerkingspolicy en artikel 33, lid 2, van de Algemene Verordening Gegevensbescherming (AVG) ' +
      'voorschrijven.',
    suspected: {
      subject: (id) => `Melding van een vermoedelijke inbreuk in verband met persoonsgegevens – incident ${id}`,
      intro: (customer) =>
        `Als verwerker voor ${customer} melden wij u een vermoedelijke inbreuk in verband met persoonsgegevens die ` +
        'wij namens u verwerken. Artikel 8.1 van onze Dataverwerkingspolicy verplicht ons u zonder onnodige ' +
        'vertraging in te lichten, niet alleen wanneer wij een inbreuk vaststellen, maar ook wanneer wij die ' +
        'redelijkerwijs vermoeden.',
      status:
        'Wij hebben nog niet vastgesteld dat er een inbreuk heeft plaatsgevonden. Zodra ons onderzoek de inbreuk ' +
        'bevestigt of uitsluit, laten wij het u weten. Tot dan gaat de informatie hieronder over een vermoedelijke ' +
        'inbreuk.',
    },
    awareAt: 'Kennisname van de inbreuk door ons',
    sentAt: 'Verzending van deze melding',
    contractualDeadline: 'Contractuele uiterste termijn voor deze melding',
    nature: '1. Aard van de inbreuk (artikel 33, lid 3, a, AVG)',
    dataCategories: 'Betrokken categorieën van persoonsgegevens',
    subjectCategories: 'Categorieën van betrokkenen',
    subjectsApprox: 'Geschat aantal betrokkenen',
    recordsApprox: 'Geschat aantal betrokken records met persoonsgegevens',
    followsWhenKnown: 'Gegevens die nog niet bekend zijn, bezorgen wij u zodra ons onderzoek het toelaat.',
    contact: '2. Contactpunt (artikel 33, lid 3, b, AVG)',
    contactText: (email, id) =>
      `Voor meer informatie over deze inbreuk kunt u terecht bij ons privacyteam: ${email}. ` +
      `Vermeld in alle correspondentie het incidentnummer ${id}.`,
    consequences: '3. Waarschijnlijke gevolgen (artikel 33, lid 3, c, AVG)',
    consequencesPending:
      'Wij beoordelen op dit moment de waarschijnlijke gevolgen van de inbreuk voor de betrokkenen. ' +
      'Zodra die beoordeling klaar is, bezorgen wij ze u in een aanvullende melding.',
    measures: '4. Genomen of voorgestelde maatregelen (artikel 33, lid 3, d, AVG)',
    measuresIntro:
      'Om de inbreuk aan te pakken en de mogelijke nadelige gevolgen voor de betrokkenen te beperken, ' +
      'hebben wij de volgende maatregelen genomen of voorgesteld:',
    measuresPending:
      'Wij bepalen op dit moment welke maatregelen nodig zijn om de inbreuk aan te pakken en de mogelijke ' +
      'nadelige gevolgen voor de betrokkenen te beperken. U ontvangt ze in een aanvullende melding.',
    measuresOngoing:
      'Wij blijven zo snel als redelijkerwijs mogelijk passende corrigerende maatregelen nemen om een einde te ' +
      'maken aan de inbreuk en herhaling te voorkomen of te beperken (artikel 8.2 van onze Dataverwerkingspolicy). ' +
      'Meent u dat bijkomende maatregelen nodig zijn om de betrokkenen te beschermen, laat het ons dan weten.',
    clock: 'Uw eigen meldingstermijn van 72 uur (ter informatie)',
    clockText: (start, end) =>
      'Als deze inbreuk bij de toezichthoudende autoriteit gemeld moet worden (in België: de ' +
      'Gegevensbeschermingsautoriteit), is uw termijn van 72 uur (artikel 33, lid 1, AVG) beginnen te lopen ' +
      `toen u er kennis van kreeg, uiterlijk bij ontvangst van deze melding: ${start}. ` +
      `Die termijn verstrijkt dan op ${end}.`,
    clockGuidance:
      'Dit tijdstip is enkel een richtlijn. Als verwerkingsverantwoordelijke beoordeelt u zelf of en wanneer de ' +
      'inbreuk gemeld moet worden, en of u de betrokkenen moet inlichten (artikel 34 AVG). Wij verlenen u daarbij ' +
      'alle bijstand die wij kunnen (artikel 8.2 van onze Dataverwerkingspolicy).',
    phases: 'Verdere informatie in fasen',
    phasesText: (id) =>
      'Ons onderzoek loopt verder. Zoals artikel 33, lid 4, AVG toelaat, bezorgen wij u bijkomende informatie in ' +
      'fasen, zonder onnodige verdere vertraging, zodra ze beschikbaar is. Elke aanvullende melding vermeldt het ' +
      `incidentnummer ${id}, en na de afsluiting van het incident ontvangt u een eindrapport.`,
    acknowledge: 'Bevestig de ontvangst van deze melding',
    acknowledgeText: (email) =>
      `Wij vragen u de ontvangst van deze melding te bevestigen ${common.howToAnswer.byReply(email)}. ` +
      'Zolang wij uw bevestiging niet hebben ontvangen, sturen wij u herinneringen.',
    acknowledgeLink: 'Ontvangst bevestigen',
    wrongRecipient:
      'Is deze melding niet voor u bestemd, of behandelt iemand anders binnen uw organisatie inbreuken in verband ' +
      'met persoonsgegevens, laat het ons dan onmiddellijk weten.',
  },
  reminder: {
    subject: (id, n) => `Herinnering ${n}: bevestig de ontvangst van onze melding – incident ${id}`,
    intro: (customer, sentAt, id, n) =>
      `Op ${sentAt} hebben wij ${customer} een inbreuk in verband met persoonsgegevens gemeld (incident ${id}). ` +
      `Wij hebben nog geen bevestiging van ontvangst gekregen; dit is herinnering nummer ${n}.`,
    keyFacts: 'De belangrijkste gegevens',
    awareAt: 'Kennisname van de inbreuk door ons',
    nature: 'Aard van de inbreuk',
    dataCategories: 'Betrokken categorieën van persoonsgegevens',
    subjectsApprox: 'Geschat aantal betrokkenen',
    measures: 'Genomen of voorgestelde maatregelen:',
    clockText: (sentAt, end) =>
      'Als deze inbreuk bij de toezichthoudende autoriteit gemeld moet worden, loopt uw termijn van 72 uur sinds ' +
      `u er kennis van kreeg, uiterlijk sinds de ontvangst van onze melding op ${sentAt}. Ter informatie: die ` +
      `termijn verstrijkt dan uiterlijk op ${end}.`,
    request: (email) =>
      `Wilt u de ontvangst zo snel mogelijk bevestigen ${common.howToAnswer.byReply(email)}? ` +
      'Zo weten wij zeker dat de melding de juiste personen heeft bereikt.',
    acknowledgeLink: 'Ontvangst bevestigen',
    notReceived:
      'Hebt u onze melding niet ontvangen, of behandelt iemand anders binnen uw organisatie inbreuken in verband ' +
      'met persoonsgegevens, laat het ons dan onmiddellijk weten. Wij bezorgen u dan de volledige melding opnieuw.',
    suspected: 'Het gaat om een vermoedelijke inbreuk: wij hebben ze nog niet bevestigd of uitgesloten.',
  },
  update: {
    subject: (id) => `Aanvullende informatie – incident ${id}`,
    intro: (customer, id) =>
      `In aanvulling op onze eerdere melding aan ${customer} over incident ${id} bezorgen wij u nieuwe informatie ` +
      'over de inbreuk in verband met persoonsgegevens. Wij verstrekken de informatie in fasen, zodra ze ' +
      'beschikbaar is (artikel 33, lid 4, AVG).',
    sentAt: 'Verzending van deze aanvulling',
    status: 'Stand van zaken',
    contained: 'De inbreuk is ingeperkt.',
    notContained: 'De inbreuk is nog niet ingeperkt.',
    update: 'Nieuwe informatie',
    measures: 'Genomen of voorgestelde maatregelen',
    measuresIntro:
      'Om de inbreuk aan te pakken en de mogelijke nadelige gevolgen voor de betrokkenen te beperken, hebben wij ' +
      'tot nu toe de volgende maatregelen genomen of voorgesteld:',
    noNewMeasures: 'Sinds onze vorige melding zijn er geen nieuwe maatregelen.',
    next: {
      contained: 'Wij blijven de situatie opvolgen en bezorgen u een eindrapport zodra het incident is afgesloten.',
      notContained: 'Wij werken verder aan de inperking van de inbreuk en houden u op de hoogte van elke belangrijke ontwikkeling.',
      unknown:
        'Wij houden u op de hoogte van elke belangrijke ontwikkeling en bezorgen u een eindrapport zodra het ' + 'incident is afgesloten.',
    },
    assessed: {
      confirmed: {
        subject: (id) => `Vermoedelijke inbreuk bevestigd – incident ${id}`,
        text:
          'Ons onderzoek heeft de inbreuk in verband met persoonsgegevens bevestigd die wij u als vermoedelijke ' +
          'inbreuk hadden gemeld. De informatie uit onze melding, aangevuld met wat hieronder volgt, gaat voortaan ' +
          'over een vastgestelde inbreuk.',
      },
      'ruled-out': {
        subject: (id) => `Vermoedelijke inbreuk uitgesloten – incident ${id}`,
        text:
          'Ons onderzoek heeft de inbreuk in verband met persoonsgegevens uitgesloten die wij u als vermoedelijke ' +
          'inbreuk hadden gemeld: de beveiliging van de persoonsgegevens die wij namens u verwerken, werd niet ' +
          'geschonden.',
      },
    },
    ruledOutNext:
      'Met deze melding is het incident afgesloten; er volgt geen eindrapport. Wij raden u aan ze te bewaren bij ' +
      'uw documentatie over de vermoedelijke inbreuk.',
    known: 'Wat wij op dit moment weten',
    consequences: 'Waarschijnlijke gevolgen voor de betrokkenen',
    notKnownYet: 'nog niet bekend; wij laten het u weten zodra wij het weten',
    use: (email, id) =>
      'Hebt u de inbreuk bij de toezichthoudende autoriteit gemeld, dan kunt u deze informatie gebruiken om uw ' +
      `melding aan te vullen. Voor vragen kunt u terecht bij ${common.contactPoint(email)}; vermeld daarbij het ` +
      `incidentnummer ${id}.`,
  },
  finalReport: {
    subject: (id) => `Eindrapport – incident ${id} afgesloten`,
    intro: (customer, id) =>
      `Wij hebben incident ${id} afgesloten. Hieronder vindt u ons eindrapport over de inbreuk in verband met ` +
      `persoonsgegevens die wij eerder aan ${customer} hebben gemeld.`,
    closedAt: 'Afgesloten op',
    report: 'Eindrapport',
    measures: 'Genomen maatregelen',
    measuresIntro:
      'Om de inbreuk te verhelpen, de gevolgen voor de betrokkenen te beperken en herhaling te voorkomen, hebben ' +
      'wij de volgende maatregelen genomen:',
    measuresInReport: 'De maatregelen die wij hebben genomen, staan beschreven in het eindrapport hierboven.',
    keep:
      'Wij raden u aan dit rapport te bewaren bij uw documentatie van inbreuken in verband met persoonsgegevens ' +
      '(artikel 33, lid 5, AVG). Hebt u de inbreuk bij de toezichthoudende autoriteit gemeld, dan kunt u dit ' +
      'rapport gebruiken om uw melding te vervolledigen.',
    questions: (email, id) =>
      'Hebt u nog vragen over dit incident of hebt u verdere bijstand nodig, neem dan contact op met ' +
      `${common.contactPoint(email)} en vermeld daarbij het incidentnummer ${id}.`,
  },
} satisfies BreachCopy;
