import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  id: string;
  receivedAt: string;
  envelope: { from: string; to: string[] };
  messageId: string | undefined;
  subject: string;
  text: string;
  html: string | undefined;
  headers: Record<string, string>;
}

export interface MailCatcherOptions {
  host?: string;
  port?: number;
  /** Each message is kept there as an .eml file, so the catcher's inbox survives a restart. */
  storeDir?: string;
  /** Recipients to refuse with a permanent 550, to show what an undeliverable notice does. */
  refuseRecipient?: (address: string) => boolean;
  /** Recipients to defer with a temporary 451, to show what a mail server outage does. */
  deferRecipient?: (address: string) => boolean;
  /** Runs after the message's data arrived and before SMTP accepts it. */
  beforeAccept?: (raw: Buffer) => void | Promise<void>;
  /**
   * When set, the server requires AUTH and refuses a login this refuses with 535 5.7.8, as a mail server
   * does when our password is wrong (or expired); asked again at every login, so a test can fix it.
   */
  acceptLogin?: (username: string, password: string) => boolean;
  /** Senders (MAIL FROM) to refuse with a permanent 550, as a relay does for an address not ours. */
  refuseSender?: (address: string) => boolean;
  /**
   * Speak LMTP: `refuseRecipient` and `deferRecipient` then answer each recipient after DATA, as an
   * LMTP server does, instead of at RCPT TO.
   */
  lmtp?: boolean;
}

export interface MailCatcher {
  port: number;
  smtpUrl: string;
  messages(): Promise<CaughtMail[]>;
  message(id: string): Promise<CaughtMail | undefined>;
  raw(id: string): Buffer | undefined;
  close(): Promise<void>;
}

/**
 * The embedded mail server of `npm start`: a real SMTP server in this process that accepts every
 * message and keeps it for reading over HTTP (GET /mail/messages). With SMTP_URL set it is not started.
 */
export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const stored: Array<{ id: string; receivedAt: string; envelope: CaughtMail['envelope']; raw: Buffer }> = [];
  if (options.storeDir) {
    mkdirSync(options.storeDir, { recursive: true });
    for (const file of readdirSync(options.storeDir)
      .filter((name) => name.endsWith('.json'))
      .sort()) {
      const meta = JSON.parse(readFileSync(path.join(options.storeDir, file), 'utf8'));
      stored.push({ ...meta, raw: readFileSync(path.join(options.storeDir, file.replace(/\.json$/, '.eml'))) });
    }
  }
  let sequence = stored.length;

  const refusal = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });
  const acceptLogin = options.acceptLogin;
  const server = new SMTPServer({
    authOptional: !acceptLogin,
    // No TLS on a loopback catcher: AUTH in the clear is allowed, and offered only when asked for.
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    disabledCommands: acceptLogin ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    ...(options.lmtp && { lmtp: true }),
    onAuth(auth, _session, callback) {
      if (acceptLogin?.(auth.username ?? '', auth.password ?? '')) return callback(null, { user: auth.username });
      callback(refusal(535, 'Authentication credentials invalid'));
    },
    onMailFrom(address, _session, callback) {
      if (options.refuseSender?.(address.address)) {
        return callback(refusal(550, `5.7.1 <${address.address}>: Sender address rejected: not owned by user`));
      }
      callback();
    },
    // A catcher on the loopback has no use for the client's name; the lookup cost ~100 ms per connection here.
    disableReverseLookup: true,
    logger: false,
    size: 25 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (options.lmtp) return callback();
      if (options.refuseRecipient?.(address.address)) {
        // Worded as real servers do, quoting the address: the sender must keep it out of histories.
        const error = new Error(`5.1.1 <${address.address}>: mailbox unavailable`) as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      if (options.deferRecipient?.(address.address)) {
        const error = new Error(`4.2.1 <${address.address}>: mailbox busy, try again later`) as Error & { responseCode: number };
        error.responseCode = 451;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        // A hook that throws at once refuses the message as one that rejects does.
        Promise.resolve()
          .then(() => options.beforeAccept?.(raw))
          .then(() => {
            // LMTP: one answer per recipient, after the data; only the ones taken receive the message.
            const refusals = new Map<string, Error>();
            if (options.lmtp) {
              for (const { address } of session.envelope.rcptTo) {
                if (options.refuseRecipient?.(address)) refusals.set(address, refusal(550, `5.1.1 <${address}>: mailbox unavailable`));
                else if (options.deferRecipient?.(address))
                  refusals.set(address, refusal(451, `4.2.1 <${address}>: mailbox busy, try again later`));
              }
            }
            const taken = session.envelope.rcptTo.map((rcpt) => rcpt.address).filter((address) => !refusals.has(address));
            let id = '';
            if (taken.length > 0) {
              sequence += 1;
              id = String(sequence).padStart(6, '0');
              const envelope = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: taken };
              const entry = { id, receivedAt: new Date().toISOString(), envelope, raw };
              if (options.storeDir) {
                writeFileSync(path.join(options.storeDir, `${id}.eml`), raw);
                writeFileSync(path.join(options.storeDir, `${id}.json`), JSON.stringify({ id, receivedAt: entry.receivedAt, envelope }));
              }
              stored.push(entry);
            }
            if (!options.lmtp) return callback(null, `queued as ${id}`);
            const answers = session.envelope.rcptTo.map(({ address }) => refusals.get(address) ?? `queued as ${id}`);
            // smtp-server takes an array of answers in LMTP mode; its types know only the SMTP one.
            callback(null, answers as unknown as string);
          })
          .catch((error: Error) => callback(error));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  server.on('error', () => undefined);
  const port = (server.server.address() as AddressInfo).port;

  const parse = async (entry: (typeof stored)[number]): Promise<CaughtMail> => {
    const parsed = await simpleParser(entry.raw);
    const headers: Record<string, string> = {};
    for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).trim();
    return {
      id: entry.id,
      receivedAt: entry.receivedAt,
      envelope: entry.envelope,
      messageId: parsed.messageId,
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : undefined,
      headers,
    };
  };

  return {
    port,
    smtpUrl: `smtp://127.0.0.1:${port}`,
    messages: () => Promise.all(stored.map(parse)),
    async message(id) {
      const entry = stored.find((candidate) => candidate.id === id);
      return entry ? parse(entry) : undefined;
    },
    raw: (id) => stored.find((candidate) => candidate.id === id)?.raw,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
