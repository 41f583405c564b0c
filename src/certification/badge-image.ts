import { escapeHtml as e } from '@gds/http';

export interface BadgeFacts {
  title: string;
  courseCode: string;
  trackCode: string;
  trackName: string;
  issuerName: string;
}

const TRACK_COLOURS: Record<string, string> = {
  cybersecurity: '#1d4e89',
  'data-analysis': '#2a7f62',
  'ui-ux-design': '#8a3b8f',
  'cloud-engineering': '#b25b12',
};

/** Splits a title into at most three lines of about 18 characters, for the badge face. */
function lines(title: string): string[] {
  const words = title.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (const word of words) {
    const last = out[out.length - 1];
    if (last !== undefined && (last + ' ' + word).length <= 18) out[out.length - 1] = `${last} ${word}`;
    else out.push(word.length > 18 ? `${word.slice(0, 17)}…` : word);
  }
  return out.length > 3 ? [...out.slice(0, 2), `${out[2].slice(0, 16)}…`] : out;
}

/** The badge image of an achievement (one per course version): an SVG, every text escaped. */
export function renderBadgeSvg(b: BadgeFacts, bakedJwt?: string): string {
  const colour = TRACK_COLOURS[b.trackCode] ?? '#334';
  const titleLines = lines(b.title)
    .map((line, i) => `<text x="256" y="${226 + i * 38}" font-size="32" font-weight="700" text-anchor="middle" fill="#fff">${e(line)}</text>`)
    .join('');
  // OB 3.0 baking (SVG): an openbadges:credential element in the image, its verify attribute the VC-JWT.
  const baked = bakedJwt ? `\n  <openbadges:credential verify="${e(bakedJwt)}"></openbadges:credential>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" viewBox="0 0 512 512" width="512" height="512" role="img" aria-label="${e(b.title)} badge">${baked}
  <title>${e(b.title)} — ${e(b.issuerName)}</title>
  <path d="M256 16 L464 96 V256 C464 380 368 460 256 496 C144 460 48 380 48 256 V96 Z" fill="${colour}" stroke="#fff" stroke-width="10"/>
  <text x="256" y="140" font-size="26" text-anchor="middle" fill="#fff" font-family="sans-serif">${e(b.trackName)}</text>
  <g font-family="sans-serif">${titleLines}</g>
  <text x="256" y="370" font-size="24" text-anchor="middle" fill="#fff" font-family="monospace">${e(b.courseCode)}</text>
  <text x="256" y="420" font-size="20" text-anchor="middle" fill="#fff" font-family="sans-serif">${e(b.issuerName)}</text>
</svg>
`;
}
