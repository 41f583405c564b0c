import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Certificate } from './certificate.entity';
import { CertificatePresentation, presentCertificate } from './certificate-presentation';
import { parseCompactJwt, credentialOf } from './presented-jwt';

/**
 * A printable A4 landscape certificate for an employer: issuer and its description, track and skill
 * names, the criteria met, dates, the verification URL and QR code; stamped REVOKED (with the reason)
 * or EXPIRED when it no longer holds. Rendered from the current record on every download.
 */
@Injectable()
export class CertificatePdf {
  constructor(private readonly config: AppConfig) {}

  async render(certificate: Certificate): Promise<Buffer> {
    const p = presentCertificate(certificate, this.config.PUBLIC_BASE_URL, this.config.CERT_ISSUER_NAME);
    // pdfkit (with fontkit) and qrcode are loaded on the first PDF, not at start (issue 23.6).
    const [{ default: PDFDocument }, { toBuffer: qrPng }] = await Promise.all([import('pdfkit'), import('qrcode')]);
    const qr = await qrPng(p.share.verificationUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 220 });
    const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 40, info: { Title: `Certificate ${certificate.courseTitle}`, Author: this.config.CERT_ISSUER_NAME } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    this.write(doc, certificate, p, qr);
    if (p.status !== 'valid') this.stamp(doc, p);
    doc.end();
    return done;
  }

  private write(doc: PDFKit.PDFDocument, c: Certificate, p: CertificatePresentation, qr: Buffer): void {
    const width = doc.page.width - 80;
    const centred = { width, align: 'center' as const };
    doc.font('Helvetica-Bold').fontSize(28).text('Certificate of Completion', 40, 40, centred);
    doc.moveDown(0.5).font('Helvetica').fontSize(13).text('This certifies that', centred);
    doc.moveDown(0.3).font('Helvetica-Bold').fontSize(24).text(c.holderName, centred);
    doc.moveDown(0.3).font('Helvetica').fontSize(13).text('has completed the course', centred);
    doc.moveDown(0.2).font('Helvetica-Bold').fontSize(19).text(`${c.courseTitle} (${c.courseCode})`, centred);
    doc.moveDown(0.2).font('Helvetica').fontSize(12).text(`Track: ${p.trackName}`, centred);
    if (p.skills.length > 0) doc.moveDown(0.2).fontSize(10.5).text(`Skills: ${p.skills.map((s) => s.name).join(' · ')}`, centred);
    const criteria = signedCriteria(c.credentialJwt);
    if (criteria) doc.moveDown(0.3).fontSize(10).text(`Criteria met: ${criteria}`, { width, align: 'center' });
    const left = { width: width - 170 };
    const bottom = doc.page.height - 200;
    const validity = c.validUntil ? `valid until ${day(c.validUntil)}` : 'no expiry';
    doc.font('Helvetica-Bold').fontSize(11).text(`Issued on ${day(c.issuedAt)} by ${this.config.CERT_ISSUER_NAME} (${validity})`, 40, bottom, left);
    doc.font('Helvetica').fontSize(9).text(this.config.CERT_ISSUER_DESCRIPTION, left);
    doc.moveDown(0.4).fontSize(9.5).text(`Status when printed: ${p.statusLabel}. Verify this certificate at:`, left);
    doc.text(p.share.verificationUrl, { ...left, link: p.share.verificationUrl, underline: true });
    doc.moveDown(0.3).fontSize(8.5).text(
      `Verification code: ${c.verificationCode}. The page shows the current status and checks the signed Open Badges 3.0 credential (RS256) against the issuer's published key.`,
      left,
    );
    doc.image(qr, doc.page.width - 180, bottom - 10, { width: 140 });
  }

  /** A large diagonal stamp across the page, so a printed or forwarded copy cannot pass for valid. */
  private stamp(doc: PDFKit.PDFDocument, p: CertificatePresentation): void {
    const word = p.status === 'revoked' ? 'REVOKED' : p.statusLabel.toUpperCase();
    const { width, height } = doc.page;
    doc.save().rotate(-20, { origin: [width / 2, height / 2] });
    doc.font('Helvetica-Bold').fontSize(110).fillColor('#b00000').fillOpacity(0.35).text(word, 0, height / 2 - 70, { width, align: 'center' });
    doc.restore();
    doc.fillOpacity(1).fillColor('#b00000').font('Helvetica-Bold').fontSize(12);
    const detail = p.revocation ? `REVOKED on ${day(new Date(p.revocation.at))}: ${p.revocation.reasonLabel}` : `${word}: this certificate is no longer valid`;
    doc.text(detail, 40, 18, { width: width - 80, align: 'center' });
    doc.fillColor('#000000');
  }
}

const day = (date: Date) => date.toISOString().slice(0, 10);

function signedCriteria(jwt: string): string | null {
  const parsed = parseCompactJwt(jwt);
  const achievement = parsed ? ((credentialOf(parsed.payload).credentialSubject as { achievement?: { criteria?: { narrative?: unknown } } })?.achievement ?? null) : null;
  const narrative = achievement?.criteria?.narrative;
  return typeof narrative === 'string' ? narrative : null;
}
