export type { RenderedEmail } from '../rendered-email';
export type * from './facts';
export { renderAuthorityAlert, renderAuthorityNotice, renderAuthorityOutcome, renderAuthorityViewReminder } from './render';
