import type { SubprocessorChangeCopy } from './copy';

export const nl = {
  marker: '[Subverwerkers]',
  action: { added: 'nieuwe subverwerker', replaced: 'vervanging van een subverwerker', removed: 'subverwerker verwijderd' },
  basis: {
    eea: 'geen doorgifte: de subverwerker is gevestigd in de Europese Economische Ruimte',
    adequacy: 'adequaatheidsbesluit van de Europese Commissie (art. 45 AVG)',
    scc: 'standaardcontractbepalingen (Besluit (EU) 2021/914, art. 46 AVG)',
    bcr: 'bindende bedrijfsvoorschriften (art. 47 AVG)',
    certification: 'certificering (art. 46, lid 2, f) AVG)',
  },
  labels: {
    change: 'Referentie van de wijziging',
    action: 'Wijziging',
    subprocessor: 'Subverwerker',
    replaces: 'Vervangt',
    country: 'Land van vestiging',
    purpose: 'Doel van de verwerking',
    basis: 'Grondslag voor de doorgifte',
    effective: 'Van kracht op',
    objectBy: 'Bezwaar mogelijk tot',
  },
  noticeSubject: (name) => `Wijziging in onze subverwerkers: ${name}`,
  noticeIntro: (customer) =>
    `Zoals ons verwerkingsbeleid (artikel 5) bepaalt, melden wij ${customer} een wijziging in de lijst van subverwerkers ` +
    'die wij inschakelen voor de verwerking van persoonsgegevens in uw opdracht. De bijgewerkte lijst vermeldt de wijziging.',
  howToObject: (contact, by) =>
    `U kunt tegen deze wijziging bezwaar maken, schriftelijk en met opgave van redenen, tot ${by}. ` +
    `Stuur uw bezwaar naar ${contact}. Wij beoordelen elk bezwaar; vinden wij het redelijk, dan stellen wij binnen 30 dagen ` +
    'een wijziging in de diensten of in het gebruik ervan voor.',
  silence: 'Zonder bezwaar binnen deze termijn beschouwen wij de wijziging als aanvaard.',
  urgent: {
    subjectMark: 'Dringend:',
    notice: (effective, by) =>
      `Deze wijziging is dringend: zij wordt van kracht op ${effective}, nog voor de termijn om bezwaar te maken verstreken is. ` +
      `De reden vindt u hieronder. U kunt toch nog tot ${by} bezwaar maken, zoals bij elke wijziging, en wij beoordelen ` +
      'uw bezwaar op dezelfde manier.',
    reasonLabel: 'Waarom deze wijziging dringend is',
  },
  reminderSubject: (name) => `Herinnering: bezwaar tegen subverwerker ${name} nog mogelijk`,
  reminderIntro: (by) => `Wij herinneren u eraan dat u tot ${by} bezwaar kunt maken tegen de onderstaande wijziging.`,
  rejectedSubject: (name) => `Uw bezwaar tegen subverwerker ${name}`,
  rejectedIntro: 'Wij hebben uw bezwaar tegen de onderstaande wijziging zorgvuldig beoordeeld, maar achten het niet redelijk.',
  reasonLabel: 'Onze motivering',
  rejectedOutro: 'De wijziging gaat dus door zoals aangekondigd. Heeft u vragen, antwoord dan op deze e-mail.',
  offerSubject: (name) => `Ons voorstel na uw bezwaar tegen subverwerker ${name}`,
  offerIntro: 'Wij vinden uw bezwaar redelijk. Wij stellen u de volgende wijziging in de diensten of in het gebruik ervan voor:',
  offerOutro: (contact) => `Laat ons schriftelijk weten of u dit voorstel aanvaardt, via ${contact}.`,
  offerReminderSubject: (name) => `Herinnering: ons voorstel na uw bezwaar tegen subverwerker ${name}`,
  offerReminderIntro: (offeredAt) =>
    `Op ${offeredAt} stelden wij u na uw bezwaar de volgende wijziging in de diensten of in het gebruik ervan voor. Wij hebben uw antwoord nog niet ontvangen:`,
  offerStandsSubject: (name) => `Ons voorstel na uw bezwaar tegen subverwerker ${name} blijft gelden`,
  offerStandsIntro:
    'Wij hebben uw weigering van ons voorstel onderzocht. Wij blijven van oordeel dat de voorgestelde wijziging u de verwerking ' +
    'door deze subverwerker bespaart zonder u onredelijk te belasten. Ons voorstel blijft dus gelden, en artikel 5.3 van onze ' +
    'verwerkingspolicy geeft geen recht om de diensten te beëindigen.',
  offerStandsOutro: (contact) => `Het voorstel blijft voor u open. Laat ons schriftelijk weten of u het aanvaardt, via ${contact}.`,
  terminationSubject: (name) => `Uw recht om de betrokken diensten op te zeggen (subverwerker ${name})`,
  terminationIntro: {
    'not-judged': (deadline) => `Wij hebben uw bezwaar niet binnen 30 dagen (tot ${deadline}) beantwoord.`,
    'no-offer': (deadline) =>
      `Wij vonden uw bezwaar redelijk, maar hebben u niet binnen 30 dagen (tot ${deadline}) een wijziging kunnen voorstellen.`,
    'offer-declined': () => 'U heeft ons voorstel na uw redelijke bezwaar niet aanvaard.',
  },
  terminationServices: (services) =>
    `Overeenkomstig artikel 5.4 van ons verwerkingsbeleid mag u daarom de diensten opzeggen waarvoor deze subverwerker wordt ingeschakeld: ${services}.`,
  terminationOutro: (contact) => `Wilt u van dit recht gebruikmaken, laat het ons dan schriftelijk weten via ${contact}.`,
} satisfies SubprocessorChangeCopy;
