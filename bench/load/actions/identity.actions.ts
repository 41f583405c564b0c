import { LoadAction } from '../load-context';

/** Every page load: who am I. */
export const readMe: LoadAction = {
  name: 'read own profile',
  weight: 10,
  run: async (ctx, user) => {
    await ctx.call('GET /me', 'GET', '/api/v1/me', { token: user.accessToken });
  },
};

/** A write: the profile form. */
export const updateProfile: LoadAction = {
  name: 'update profile',
  weight: 2,
  run: async (ctx, user) => {
    await ctx.call('PATCH /me', 'PATCH', '/api/v1/me', { token: user.accessToken, body: { district: user.index % 2 ? 'Cayo' : 'Belize', consentVersion: 1 } });
  },
};

/** The client rotating its refresh token (every 15 minutes in real life; more often here). */
export const refreshTokens: LoadAction = {
  name: 'refresh tokens',
  weight: 1,
  run: async (ctx, user) => {
    const answer = await ctx.call('POST /auth/refresh', 'POST', '/api/v1/auth/refresh', { body: { refreshToken: user.refreshToken } });
    if (answer.status === 200) {
      user.accessToken = answer.body.accessToken;
      user.refreshToken = answer.body.refreshToken;
    }
  },
};

/** Signing in again (argon2id: deliberately expensive, so rare). */
export const signInAgain: LoadAction = {
  name: 'sign in again',
  weight: 0.2,
  run: async (ctx, user) => {
    const answer = await ctx.call('POST /auth/login', 'POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } });
    if (answer.status === 200) {
      user.accessToken = answer.body.accessToken;
      user.refreshToken = answer.body.refreshToken;
    }
  },
};
