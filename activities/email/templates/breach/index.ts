export type { RenderedEmail } from '../rendered-email';
export type * from './facts';
export { renderBreachFinalReport, renderBreachNotice, renderBreachReminder, renderBreachUpdate, renderPrivacyTeamAlert } from './render';
