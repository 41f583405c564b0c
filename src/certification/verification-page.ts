import { escapeHtml as e } from '@gds/http';
import type { VerificationView } from './dto/verification.dto';

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : '');

const STYLE = `*{box-sizing:border-box}body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;line-height:1.5;background:#f5f6f7}
main{max-width:44rem;margin:0 auto;padding:1rem}h1{font-size:1.5rem;margin:.5rem 0 1rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.card{background:#fff;border:1px solid #d8dadd;border-radius:8px;padding:1rem;margin-bottom:1rem;overflow-wrap:anywhere}
.status{font-size:1.25rem;font-weight:700;padding:.75rem 1rem;border-radius:8px;margin:0 0 1rem}.valid{background:#e3f4e8;color:#0b5b25;border:2px solid #0b5b25}
.invalid{background:#fde8e8;color:#8a1111;border:2px solid #8a1111}dl{margin:0}dt{font-weight:600;margin-top:.6rem}dd{margin:0}
ul{margin:.25rem 0;padding-left:1.2rem}a{color:#0b4f9c}.actions a{display:inline-block;min-height:44px;padding:.6rem .9rem;margin:.25rem .25rem 0 0;border:1px solid #0b4f9c;border-radius:6px;text-decoration:none}
label{display:block;font-weight:600;margin-top:.5rem}input{width:100%;min-height:44px;font:inherit;padding:.4rem;border:1px solid #8a8f96;border-radius:4px}
.small{font-size:.9rem;color:#444}`;

function banner(v: VerificationView): string {
  if (v.status === 'valid' && v.valid) return `<p class="status valid" role="status">✔ Valid certificate</p>`;
  if (v.revocation) {
    return `<p class="status invalid" role="status">✘ Revoked on ${e(day(v.revocation.at))}<br><span class="small">Reason: ${e(v.revocation.reasonLabel)}</span></p>`;
  }
  if (v.status === 'expired') return `<p class="status invalid" role="status">✘ Expired on ${e(day(v.validUntil))}</p>`;
  return `<p class="status invalid" role="status">✘ ${e(v.statusLabel)}: the signature could not be verified</p>`;
}

function facts(v: VerificationView): string {
  const skills = v.achievement.skills.map((s) => `<li><a href="${e(s.url)}">${e(s.name)}</a></li>`).join('');
  return `<div class="card"><dl>
<dt>Holder</dt><dd>${e(v.holder.name)}</dd>
<dt>Certificate</dt><dd>${e(v.achievement.name)} (${e(v.achievement.courseCode)})</dd>
<dt>Track</dt><dd>${e(v.achievement.track.name)}</dd>
<dt>Skills</dt><dd><ul>${skills || '<li>none listed</li>'}</ul></dd>
<dt>Criteria met</dt><dd>${e(v.achievement.criteria)}</dd>
<dt>Issued</dt><dd>${e(day(v.issuedAt))}</dd>
<dt>Valid until</dt><dd>${v.validUntil ? e(day(v.validUntil)) : 'No expiry'}</dd>
<dt>Status</dt><dd>${e(v.statusLabel)}</dd>
</dl></div>`;
}

function issuer(v: VerificationView): string {
  return `<h2>Issued by</h2><div class="card"><p><strong>${e(v.issuer.name)}</strong></p><p>${e(v.issuer.description)}</p>
<p><a href="${e(v.issuer.url)}">${e(v.issuer.url)}</a></p></div>`;
}

function howChecked(v: VerificationView): string {
  const result = v.signature.verified ? 'The signature is valid.' : 'The signature could NOT be verified.';
  return `<h2>How this was checked</h2><div class="card"><p>${e(v.signature.method)} ${e(result)}</p>
<ul class="small"><li>Format: ${e(v.signature.format)}, ${e(v.signature.algorithm)}</li>
<li>Checked at: ${e(v.signature.checkedAt)} (UTC)</li>
${v.signature.keyUrl ? `<li>Issuer key: <a href="${e(v.signature.keyUrl)}">${e(v.signature.keyUrl)}</a></li>` : ''}
<li>Revocation list: <a href="${e(v.revocationListUrl)}">${e(v.revocationListUrl)}</a></li></ul>
<p class="small">You can check it yourself with any Open Badges 3.0 verifier: download the credential below and verify it against the issuer key.</p></div>`;
}

function share(v: VerificationView): string {
  return `<h2>Share and download</h2><div class="card"><label for="link">Verification link</label>
<input id="link" readonly value="${e(v.share.verificationUrl)}">
<p class="actions"><a href="${e(v.share.linkedInAddToProfileUrl)}" rel="noopener">Add to LinkedIn profile</a>
<a href="${e(v.share.credentialDownloadUrl)}" download>Download credential (.jwt)</a>
<a href="${e(v.share.credentialJsonUrl)}">Credential (JSON)</a>
<a href="${e(v.share.badgeImageUrl)}">Badge image</a></p></div>`;
}

/** The verification page for an employer: server-rendered, no script, every value escaped, phone first. */
export function renderVerificationPage(v: VerificationView): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Certificate verification — ${e(v.achievement.name)} — ${e(v.issuer.name)}</title><meta name="referrer" content="no-referrer">
<style>${STYLE}</style></head>
<body><main><h1>Certificate verification</h1>${banner(v)}${facts(v)}${issuer(v)}${howChecked(v)}${share(v)}</main></body></html>`;
}

/** For browsers following a mistyped or forged link: a page, with the 404 status. */
export function renderUnknownCodePage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Certificate not found</title>
<style>${STYLE}</style></head>
<body><main><h1>Certificate not found</h1>
<p class="status invalid" role="status">No certificate has this verification code. Check the code or the link you were given.</p></main></body></html>`;
}
