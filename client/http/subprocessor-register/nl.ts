import type { RegisterPageCopy } from './copy';

export const nl = {
  title: 'Overzicht van de subverwerkers',
  intro:
    'Dit zijn de subverwerkers op wie wij een beroep doen om persoonsgegevens voor uw rekening te verwerken ' +
    '(bijlage III bij onze dataverwerkingspolicy; art. 28, lid 2 AVG). Elke subverwerker is minstens gebonden door ' +
    'dezelfde verplichtingen als wij op grond van die policy. Is een subverwerker buiten de Europese Economische ' +
    'Ruimte (EER) gevestigd, dan vermeldt de tabel de waarborg die de doorgifte rechtmatig maakt.',
  objections:
    'Wij brengen u op de hoogte van elke wijziging in deze lijst. U kunt binnen dertig dagen na onze kennisgeving ' +
    'schriftelijk en gemotiveerd bezwaar maken tegen een wijziging (artikel 5.2 van de policy).',
  asOf: 'Stand van de lijst op',
  lastUpdated: (date) => (date ? `Laatst bijgewerkt op ${date}` : 'Nog niet bijgewerkt'),
  columns: {
    name: 'Subverwerker',
    country: 'Land van vestiging',
    eea: 'EER',
    purpose: 'Doel',
    safeguard: 'Waarborg bij doorgifte',
    onList: 'Op de lijst',
  },
  inside: 'Binnen de EER',
  outside: 'Buiten de EER',
  basis: {
    eea: 'Niet nodig: geen doorgifte buiten de EER',
    adequacy: 'Adequaatheidsbesluit van de Europese Commissie (art. 45 AVG)',
    scc: 'Modelcontractbepalingen (Uitvoeringsbesluit (EU) 2021/914 van de Commissie; art. 46 AVG)',
    bcr: 'Bindende bedrijfsvoorschriften (art. 47 AVG)',
    certification: 'Goedgekeurd certificeringsmechanisme (art. 42 en art. 46, lid 2, f) AVG)',
  },
  since: (date) => `sinds ${date}`,
  until: (date) => `tot ${date}`,
  newMark: 'nieuw',
  emptyList: 'Op deze datum deden wij geen beroep op subverwerkers.',
  changesSince: (date) => `Wijzigingen sinds ${date}`,
  noChanges: 'Geen wijzigingen in deze periode.',
  changeColumns: { announced: 'Aangekondigd op', change: 'Wijziging', subprocessor: 'Subverwerker', effective: 'Van kracht op' },
  action: { added: 'Toevoeging', replaced: 'Vervanging', removed: 'Verwijdering' },
  replaces: (name) => `vervangt ${name}`,
  upcoming: 'nog niet van kracht',
  urgentMark: 'dringend',
  urgentReason: (reason) => `Van kracht voor de termijn van dertig dagen om bezwaar te maken verstreken is, omdat: ${reason}`,
  at: 'om',
  timeNote: 'Alle data en tijden in Belgische tijd (Europe/Brussels).',
} satisfies RegisterPageCopy;
