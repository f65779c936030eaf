export type { RenderedEmail } from '../rendered-email';
export type * from './facts';
export {
  renderDsrClosure,
  renderDsrExtension,
  renderDsrNotice,
  renderDsrPrivacyTeamAlert,
  renderDsrReminder,
  renderDsrSubjectConfirmation,
} from './render';
