import { SMTPServer } from 'smtp-server';

export interface CapturedEmail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  raw: string;
}

function decodeBody(body: string, encoding: string): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** RFC 2047 encoded words (`=?UTF-8?Q?...?=`), as nodemailer writes non-plain subjects. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset, kind: string, text: string) =>
      kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeBody(text.replace(/_/g, ' '), 'quoted-printable'));
}

function splitHead(part: string): { headers: string; body: string } {
  const at = part.search(/\r?\n\r?\n/);
  return { headers: part.slice(0, at), body: part.slice(at).replace(/^\r?\n\r?\n/, '') };
}

const header = (headers: string, name: string) =>
  new RegExp(`^${name}:\\s*((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'im').exec(headers)?.[1].replace(/\r?\n[ \t]/g, ' ').trim() ?? '';

/** Enough MIME to read what nodemailer sends: a text and an HTML alternative. */
export function parseEmail(raw: string, envelope: { from: string; to: string[] }): CapturedEmail {
  const { headers, body } = splitHead(raw);
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(header(headers, 'Content-Type'))?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1).map(splitHead) : [{ headers, body }];
  const find = (type: string) => {
    const part = parts.find((p) => header(p.headers, 'Content-Type').startsWith(type));
    return part ? decodeBody(part.body, header(part.headers, 'Content-Transfer-Encoding')).trim() : '';
  };
  return { ...envelope, subject: decodeWords(header(headers, 'Subject')), text: find('text/plain'), html: find('text/html'), raw };
}

/** An SMTP server in the test process on a free port; records every message it accepts. */
export class SmtpCapture {
  readonly messages: CapturedEmail[] = [];
  /** Answer this many messages with a temporary failure first (to exercise retries). */
  failNext = 0;
  private server: SMTPServer;
  port = 0;

  static async start(): Promise<SmtpCapture> {
    const capture = new SmtpCapture();
    await capture.listen();
    return capture;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): CapturedEmail[] {
    return this.messages.filter((m) => m.to.includes(address.toLowerCase()) || m.to.includes(address));
  }

  private listen(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.failNext > 0) {
            this.failNext--;
            const error = Object.assign(new Error('try again later'), { responseCode: 451 });
            return callback(error);
          }
          const envelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          };
          this.messages.push(parseEmail(Buffer.concat(chunks).toString('utf8'), envelope));
          callback();
        });
      },
    });
    return new Promise((resolve) => {
      this.server.listen(0, '127.0.0.1', () => {
        this.port = (this.server.server.address() as { port: number }).port;
        resolve();
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
