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
export const smtpTimeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as const;

/**
 * The most one email may take, from handing it to the pool to the server's answer; then it is aborted
 * (the connection carrying it closed) and the attempt retried. The socket timeout alone bounds nothing:
 * it is an idle timeout, and a server that trickles its replies, or a pool queue behind stalled
 * connections, keeps a send waiting for ever. Connecting and the greeting (10 s together, the connection
 * timeout covers both) plus a silent server (20 s) fit well inside it.
 */
export const emailSendTimeoutMs = 45_000;

/**
 * How long the attempt sending an email holds it in the evidence log: the send timeout plus time to
 * record the answer. Another attempt that finds the email held does not send it (it is retried, and
 * sends once the lease is over or the holder recorded the answer). A worker that dies mid-send thus
 * delays that email's retry by up to a minute, never sends it twice.
 */
export const emailLeaseMs = emailSendTimeoutMs + 15_000;

export function createMailer(smtpUrl: string): Transporter {
  // The options go with the url in one object: nodemailer's second argument holds message defaults, so
  // transport options given there would be silently ignored.
  return nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 5,
    maxMessages: 100,
    ...smtpTimeouts,
  });
}
