/**
 * The secrets a development checkout runs with, so `npm start` works without a secret store.
 * Production refuses every one of them (configProblems).
 */
export const DEVELOPMENT_SECRETS = {
  JWT_SECRET: 'dev-only-jwt-secret-change-me-in-production-0123456789',
  FLAG_SECRET: 'dev-only-flag-secret-change-me-in-production-0123456789',
  SANDBOX_ROLE_SECRET: 'dev-only-sandbox-role-secret-change-me-in-production-0123',
  WEBHOOK_SECRET_KEY: 'dev-only-webhook-secret-key-change-me-in-production-01',
} as const;
