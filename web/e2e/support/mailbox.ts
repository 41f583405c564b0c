import { existsSync, readFileSync } from 'node:fs';
import { expect } from '@playwright/test';

interface StoredMail {
  to: string[];
  raw: string;
}

/** Quoted-printable and base64 bodies as text (nodemailer picks one per part), headers and all. */
function readable(raw: string): string {
  const qp = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const base64Parts = [...raw.matchAll(/Content-Transfer-Encoding:\s*base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/gi)].map((m) => Buffer.from(m[1].replace(/\s+/g, ''), 'base64').toString('utf8'));
  return [Buffer.from(qp, 'latin1').toString('utf8'), ...base64Parts].join('\n');
}

/** The emails the app sent to an address so far, oldest first, as readable text (GDS_E2E_MAILBOX, see global-setup). */
export function mailsTo(address: string): string[] {
  const file = process.env.GDS_E2E_MAILBOX;
  if (!file || !existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as StoredMail)
    .filter((mail) => mail.to.includes(address.toLowerCase()))
    .map((mail) => readable(mail.raw));
}

/** Waits for the n-th email to an address and answers the link to a web app screen in it (`/app/<screen>#token=…`). */
export async function linkInMail(address: string, screen: 'reset-password' | 'accept-invitation', n = 1): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(() => {
      const mail = mailsTo(address)[n - 1];
      link = mail ? new RegExp(`https?://[^\\s"<>]+/app/${screen}#token=[A-Za-z0-9._~%-]+`).exec(mail)?.[0] : undefined;
      return link;
    }, { timeout: 30_000, message: `email #${n} to ${address} with a /app/${screen} link` })
    .toBeTruthy();
  return link!;
}
