import { ApiProperty } from '@nestjs/swagger';
import { ROLES, Role } from '../roles';
import { Language, LANGUAGES } from '../languages';
import type { Session } from '../auth.service';

/** Who signed in: what the web app needs to start (no second call to /me). */
export class WebSessionUserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ enum: LANGUAGES }) language: Language;
}

/**
 * A browser session's answer: the access token (keep it in memory only), never the refresh token,
 * which travels in the HttpOnly cookie.
 */
export class WebSessionView {
  @ApiProperty({ description: 'Send as Authorization: Bearer <accessToken>; keep it in memory, never in storage' }) accessToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires; refresh shortly before' }) expiresIn: number;
  @ApiProperty({ enum: ['Bearer'], example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'When the session ends unless refreshed before (the refresh cookie’s expiry)', format: 'date-time' }) sessionExpiresAt: string;
  @ApiProperty({ type: WebSessionUserView }) user: WebSessionUserView;

  static of(session: Session): WebSessionView {
    const { id, displayName, roles, language } = session.user;
    return {
      accessToken: session.accessToken,
      expiresIn: session.expiresIn,
      tokenType: 'Bearer',
      sessionExpiresAt: session.refreshExpiresAt.toISOString(),
      user: { id, displayName, roles, language },
    };
  }
}

export class WebSignOutView {
  @ApiProperty({ description: 'True when this call ended a live session; false when the cookie held none (the cookie is cleared either way)' })
  ended: boolean;
}
