import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';

/**
 * Webhook signing secrets must be readable to sign, so they are encrypted (AES-256-GCM under
 * WEBHOOK_SECRET_KEY) rather than hashed; a database dump alone does not reveal them.
 */
@Injectable()
export class WebhookSecretBox {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = createHash('sha256').update(`webhook-secrets:${config.WEBHOOK_SECRET_KEY}`).digest();
  }

  generate(): string {
    return `whsec_${randomBytes(32).toString('base64url')}`;
  }

  seal(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.');
  }

  open(ciphertext: string): string {
    const [version, iv, tag, sealed] = ciphertext.split('.');
    if (version !== 'v1') throw new Error('unknown webhook secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
  }
}
