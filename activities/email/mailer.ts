import nodemailer, { type Transporter } from 'nodemailer';

/**
 * One SMTP transport for every activity of the worker.
 *
 * - Pooled: up to 5 connections, each reused for up to 100 messages. A change for thousands of customers
 *   then costs thousands of SMTP transactions, not thousands of TCP connections and greetings (a server
 *   may pause its greeting, as the embedded catcher does for 100 ms; relays throttle new connections).
 *   `?pool=false` or `?maxConnections=N` in SMTP_URL override these defaults.
 * - Nodemailer's own timeouts (minutes by default) are cut so that a hung server fails the attempt well
 *   inside the activity's start-to-close timeout.
 */
export function createMailer(smtpUrl: string): Transporter {
  // The options go with the url in one object: nodemailer's second argument holds message defaults, so
  // transport options given there would be silently ignored.
  return nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 5,
    maxMessages: 100,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}
