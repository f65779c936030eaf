import { startMailCatcher, type CaughtMail, type MailCatcher, type MailCatcherOptions } from '../../client/embedded/mail-catcher';

export { startMailCatcher, type CaughtMail, type MailCatcher };

/** Waits until the SMTP server has received at least `count` messages, then gives them back. */
export async function waitForMessages(catcher: MailCatcher, count: number, timeoutMs = 30_000): Promise<CaughtMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = await catcher.messages();
    if (messages.length >= count) return messages;
    if (Date.now() > deadline) {
      throw new Error(`expected ${count} email(s) within ${timeoutMs} ms, got ${messages.length}: ${messages.map((m) => m.subject).join(' | ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export type { MailCatcherOptions };
