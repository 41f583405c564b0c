import { queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../unwrap';
import { queryKeys } from '../query-keys';
import type { components } from '../schema.gen';

// Interim shape until GET /api/v1/me declares its response schema.
export interface Me {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  language: 'en' | 'es';
  gender: 'female' | 'male' | 'non_binary' | 'prefer_not_to_say' | null;
  birthYear: number | null;
  district: string | null;
  employer: string | null;
}

export const meQuery = queryOptions({
  queryKey: queryKeys.me,
  queryFn: () => unwrap<Me>(api.GET('/api/v1/me')),
  staleTime: 5 * 60_000,
});

/** Why demographic fields are asked for (the purpose text in force) and the person's consent, if any. */
export interface DemographicConsent {
  purpose: { version: number; text: string };
  consent: { version: number; givenAt: string } | null;
}

export const demographicConsentQuery = queryOptions({
  queryKey: queryKeys.demographicConsent,
  queryFn: () => unwrap<DemographicConsent>(api.GET('/api/v1/me/demographic-consent' as never)),
});

/** The districts and employers a profile may choose from; anything else is refused by the API. */
export type ProfileOptions = components['schemas']['ProfileOptionsView'];

export const profileOptionsQuery = queryOptions({
  queryKey: queryKeys.profileOptions,
  queryFn: () => unwrap<ProfileOptions>(api.GET('/api/v1/me/profile-options')),
  staleTime: 10 * 60_000,
});
