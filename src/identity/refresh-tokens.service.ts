import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { ProblemException } from '@gds/http';
import { AppTransactionHost } from '@gds/database';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { RefreshToken } from './refresh-token.entity';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const invalid = () => new ProblemException(401, 'invalid-refresh-token', 'Unauthorized', 'The refresh token is not valid.');

/** Opaque refresh tokens `<id>.<secret>` that rotate on every use. */
@Injectable()
export class RefreshTokens {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  async issue(userId: string, familyId?: string): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    const repo = this.txHost.tx.getRepository(RefreshToken);
    const row = repo.create({
      id: randomUUID(),
      familyId: familyId ?? randomUUID(),
      userId,
      secretHash: sha256(secret),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000),
    });
    await repo.insert(row);
    return `${row.id}.${secret}`;
  }

  /**
   * Spends a refresh token: answers its user and family, or refuses. Re-use of a spent token
   * revokes the whole family (the token has leaked; whoever holds the newer one loses it too).
   */
  async spend(token: string): Promise<{ userId: string; familyId: string }> {
    const row = await this.find(token);
    if (row.revokedAt || row.expiresAt.getTime() <= Date.now()) throw invalid();
    const claimed = await this.txHost.tx.query(
      'UPDATE refresh_token SET used_at = now() WHERE id = $1 AND used_at IS NULL RETURNING id',
      [row.id],
    );
    if (claimed[0].length === 0) {
      // Outside the caller's transaction: the refusal below rolls that back, the revocation must stay.
      await this.dataSource.query('UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [row.familyId]);
      throw invalid();
    }
    return { userId: row.userId, familyId: row.familyId };
  }

  /** The token's family, if the token is genuine and belongs to this user. */
  async familyOf(token: string, userId: string): Promise<string> {
    const row = await this.find(token);
    if (row.userId !== userId) throw invalid();
    return row.familyId;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.txHost.tx.query('UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [familyId]);
  }

  async revokeAllOf(userId: string): Promise<void> {
    await this.txHost.tx.query('UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  }

  private async find(token: string): Promise<RefreshToken> {
    const [id, secret] = token.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/i.test(id)) throw invalid();
    const row = await this.txHost.tx.getRepository(RefreshToken).findOneBy({ id });
    if (!row) throw invalid();
    const expected = Buffer.from(row.secretHash, 'hex');
    const given = Buffer.from(sha256(secret), 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
    return row;
  }
}
