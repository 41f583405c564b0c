import { Injectable } from '@nestjs/common';
import { Transactional } from '@gds/database';
import { ProblemException } from '@gds/http';
import { AccessTokens } from './access-tokens.service';
import { RefreshTokens } from './refresh-tokens.service';
import { PasswordHasher } from './password-hasher';
import { UsersService } from './users.service';
import type { User } from './user.entity';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
}

const wrongCredentials = () =>
  new ProblemException(401, 'invalid-credentials', 'Unauthorized', 'The email or password is not correct.');

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokens,
  ) {}

  @Transactional()
  async register(input: { email: string; password: string; displayName: string }): Promise<User> {
    const { user } = await this.users.create({ ...input, roles: ['trainee'] }, null);
    return user;
  }

  /** An unknown email, an inactive account and a wrong password all answer alike, in alike time. */
  @Transactional()
  async login(email: string, password: string): Promise<TokenPair> {
    const user = await this.users.findByEmailWithPassword(email);
    const matches = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !matches || !user.active) throw wrongCredentials();
    return this.issue(user.id);
  }

  @Transactional()
  async refresh(refreshToken: string): Promise<TokenPair> {
    const { userId, familyId } = await this.refreshTokens.spend(refreshToken);
    const user = await this.users.get(userId);
    if (!user.active) throw new ProblemException(401, 'invalid-refresh-token', 'Unauthorized', 'The refresh token is not valid.');
    return this.issue(userId, familyId);
  }

  @Transactional()
  async logout(userId: string, refreshToken: string): Promise<void> {
    const familyId = await this.refreshTokens.familyOf(refreshToken, userId);
    await this.refreshTokens.revokeFamily(familyId);
  }

  private async issue(userId: string, familyId?: string): Promise<TokenPair> {
    const { accessToken, expiresIn } = await this.accessTokens.issue(userId);
    const refreshToken = await this.refreshTokens.issue(userId, familyId);
    return { accessToken, refreshToken, expiresIn, tokenType: 'Bearer' };
  }
}
