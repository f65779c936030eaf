export type { RenderedEmail } from '../rendered-email';
export type * from './facts';
export {
  renderInstructionAlert,
  renderInstructionDecision,
  renderInstructionNotice,
  renderInstructionReminder,
  renderInstructionResumed,
} from './render';
