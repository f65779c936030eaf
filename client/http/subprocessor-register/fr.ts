import type { RegisterPageCopy } from './copy';

export const fr = {
  title: 'Liste des sous-traitants ultérieurs',
  intro:
    'Voici les sous-traitants ultérieurs auxquels nous faisons appel pour traiter des données à caractère personnel ' +
    'pour votre compte (annexe III de notre politique de traitement des données ; art. 28, § 2 RGPD). Chacun d’eux ' +
    'est tenu à des obligations au moins équivalentes à celles qui nous incombent en vertu de cette politique. ' +
    'Lorsqu’un sous-traitant ultérieur est établi hors de l’Espace économique européen (EEE), le tableau indique la ' +
    'garantie qui rend le transfert licite.',
  objections:
    'Nous vous informons de toute modification de cette liste. Vous pouvez vous opposer à une modification, par écrit ' +
    'et de manière motivée, dans les trente jours suivant notre notification (article 5.2 de la politique).',
  asOf: 'Liste en vigueur le',
  lastUpdated: (date) => (date ? `Dernière mise à jour le ${date}` : 'Pas encore mise à jour'),
  columns: {
    name: 'Sous-traitant ultérieur',
    country: 'Pays d’établissement',
    eea: 'EEE',
    purpose: 'Finalité',
    safeguard: 'Garantie en cas de transfert',
    onList: 'Sur la liste',
  },
  inside: 'Dans l’EEE',
  outside: 'Hors EEE',
  basis: {
    eea: 'Aucune : pas de transfert hors de l’EEE',
    adequacy: 'Décision d’adéquation de la Commission européenne (art. 45 RGPD)',
    scc: 'Clauses contractuelles types (décision d’exécution (UE) 2021/914 de la Commission ; art. 46 RGPD)',
    bcr: 'Règles d’entreprise contraignantes (art. 47 RGPD)',
    certification: 'Mécanisme de certification approuvé (art. 42 et art. 46, § 2, f) RGPD)',
  },
  since: (date) => `depuis le ${date}`,
  until: (date) => `jusqu’au ${date}`,
  newMark: 'nouveau',
  emptyList: 'À cette date, nous ne faisions appel à aucun sous-traitant ultérieur.',
  changesSince: (date) => `Modifications depuis le ${date}`,
  noChanges: 'Aucune modification au cours de cette période.',
  changeColumns: {
    announced: 'Annoncée le',
    change: 'Modification',
    subprocessor: 'Sous-traitant ultérieur',
    effective: 'Prise d’effet le',
  },
  action: { added: 'Ajout', replaced: 'Remplacement', removed: 'Retrait' },
  replaces: (name) => `remplace ${name}`,
  upcoming: 'pas encore en vigueur',
  urgentMark: 'urgent',
  urgentReason: (reason) => `Prend effet avant la fin du délai d’opposition de trente jours, pour le motif suivant : ${reason}`,
  at: 'à',
  timeNote: 'Dates et heures à l’heure belge (Europe/Brussels).',
} satisfies RegisterPageCopy;
