import { startMailCatcher, type CaughtMail, type MailCatcher, type MailCatcherOptions } from '../../client/embedded/mail-catcher';

export { startMailCatcher, type CaughtMail, type MailCatcher };

/** Waits until the SMTP server has received at least `count` messages, then gives them back. */
export async function waitForMessages(catcher: MailCatcher, count: number, timeoutMs = 30_000): Promise<CaughtMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = await catcher.messages();
    if (messages.length >= count) return messages;
    if (Date.now() > deadline) {
      throw new Error(
        `expected ${count} email(s) within ${timeoutMs} ms, got ${messages.length}: ${messages.map((m) => m.subject).join(' | ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export type { MailCatcherOptions };

/** The emails one workflow sent (its X-DPA-Workflow-Id), in the order the SMTP server accepted them. */
export async function mailOf(catcher: MailCatcher, workflowId: string): Promise<CaughtMail[]> {
  return (await catcher.messages()).filter((mail) => mail.headers['x-dpa-workflow-id'] === workflowId);
}

/** Waits (in real time) until one workflow has sent `count` emails, then gives them back. */
export async function waitForMailOf(catcher: MailCatcher, workflowId: string, count: number, timeoutMs = 30_000): Promise<CaughtMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = await mailOf(catcher, workflowId);
    if (mails.length >= count) return mails;
    if (Date.now() > deadline)
      throw new Error(`expected ${count} email(s) of ${workflowId}, got ${mails.length}: ${mails.map((m) => m.subject).join(' | ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** After waiting for what must come, a short real-time pause shows that nothing more came. */
export async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1500));
}
