import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { toBuffer as qrPng } from 'qrcode';
import { AppConfig } from '../config/app-config';
import { Certificate } from './certificate.entity';

const TRACK_NAMES: Record<string, string> = {
  cybersecurity: 'Cybersecurity',
  'data-analysis': 'Data analysis',
  'ui-ux-design': 'UI/UX design',
  'cloud-engineering': 'Cloud engineering',
};

/** A printable A4 landscape certificate with the verification URL and its QR code. */
@Injectable()
export class CertificatePdf {
  constructor(private readonly config: AppConfig) {}

  verificationUrl(certificate: Certificate): string {
    return `${this.config.PUBLIC_BASE_URL}/verify/${certificate.verificationCode}`;
  }

  async render(certificate: Certificate): Promise<Buffer> {
    const url = this.verificationUrl(certificate);
    const qr = await qrPng(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 220 });
    const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 50, info: { Title: `Certificate ${certificate.courseTitle}`, Author: this.config.CERT_ISSUER_NAME } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    this.write(doc, certificate, url, qr);
    doc.end();
    return done;
  }

  private write(doc: PDFKit.PDFDocument, c: Certificate, url: string, qr: Buffer): void {
    const width = doc.page.width - 100;
    doc.font('Helvetica-Bold').fontSize(30).text('Certificate of Completion', 50, 60, { width, align: 'center' });
    doc.moveDown(0.8).font('Helvetica').fontSize(14).text('This certifies that', { width, align: 'center' });
    doc.moveDown(0.4).font('Helvetica-Bold').fontSize(26).text(c.holderName, { width, align: 'center' });
    doc.moveDown(0.4).font('Helvetica').fontSize(14).text('has completed the course', { width, align: 'center' });
    doc.moveDown(0.3).font('Helvetica-Bold').fontSize(20).text(`${c.courseTitle} (${c.courseCode})`, { width, align: 'center' });
    doc.moveDown(0.3).font('Helvetica').fontSize(13).text(`Track: ${TRACK_NAMES[c.trackCode] ?? c.trackCode}`, { width, align: 'center' });
    if (c.skillCodes.length > 0) doc.moveDown(0.3).fontSize(11).text(`Skills: ${c.skillCodes.join(', ')}`, { width, align: 'center' });
    const bottom = doc.page.height - 190;
    doc.fontSize(12).text(`Issued on ${c.issuedAt.toISOString().slice(0, 10)} by ${this.config.CERT_ISSUER_NAME}`, 50, bottom, { width: width - 160 });
    doc.moveDown(0.5).fontSize(10).text('Verify this certificate at:', { width: width - 160 });
    doc.text(url, { width: width - 160, link: url, underline: true });
    doc.moveDown(0.5).text(`Verification code: ${c.verificationCode}`, { width: width - 160 });
    doc.image(qr, doc.page.width - 190, bottom - 20, { width: 140 });
  }
}
