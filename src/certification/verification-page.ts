import type { VerificationView } from './certificate-verification.service';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

/** The human verification page: server-rendered, no script, every value escaped. */
export function renderVerificationPage(v: VerificationView): string {
  const banner =
    v.status === 'valid'
      ? `<p class="status valid">Valid certificate</p>`
      : v.status === 'revoked'
        ? `<p class="status revoked">Revoked on ${escape(day(v.revokedAt))}: ${escape(v.revocationReason ?? '')}</p>`
        : `<p class="status revoked">Expired on ${escape(day(v.validUntil))}</p>`;
  const rows: Array<[string, string]> = [
    ['Holder', v.holder.name],
    ['Achievement', `${v.achievement.name} (${v.achievement.courseCode})`],
    ['Track', v.achievement.track],
    ['Skills', v.achievement.skills.join(', ')],
    ['Issuer', v.issuer.name],
    ['Issued', day(v.issuedAt)],
    ['Valid until', v.validUntil ? day(v.validUntil) : 'no expiry'],
    ['Status', v.status],
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Certificate verification — ${escape(v.issuer.name)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}th{text-align:left;padding-right:1rem}
.status{font-size:1.3rem;font-weight:bold;padding:.5rem}.valid{color:#11612b}.revoked{color:#a11}</style></head>
<body><h1>Certificate verification</h1>${banner}
<table>${rows.map(([k, val]) => `<tr><th>${escape(k)}</th><td>${escape(val)}</td></tr>`).join('')}</table>
<p><a href="${escape(v.credentialUrl)}">Signed credential (Open Badges 3.0)</a> · <a href="${escape(v.jwksUrl)}">Issuer keys</a></p>
</body></html>`;
}

/** For browsers following a mistyped or forged link: a page, with the 404 status. */
export function renderUnknownCodePage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Certificate not found</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto"><h1>Certificate not found</h1>
<p class="status">No certificate has this verification code. Check the code or the link you were given.</p></body></html>`;
}
