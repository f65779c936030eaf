import nodemailer, { type Transporter } from 'nodemailer';

/**
 * One SMTP transport for every activity. Nodemailer's own timeouts (minutes by default) are cut so
 * that a hung server fails the attempt well inside the activity's start-to-close timeout.
 */
export function createMailer(smtpUrl: string): Transporter {
  return nodemailer.createTransport(smtpUrl, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as never);
}
