import { queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../unwrap';
import { queryKeys } from '../query-keys';
import type { components } from '../schema.gen';

/** The signed-in person's account and profile (GET /api/v1/me). */
export type Me = components['schemas']['UserView'];

export const meQuery = queryOptions({
  queryKey: queryKeys.me,
  queryFn: () => unwrap(api.GET('/api/v1/me')),
  staleTime: 5 * 60_000,
});

/** Why demographic fields are asked for (the purpose text in force) and the person's consent, if any. */
export type DemographicConsent = components['schemas']['DemographicConsentView'];

export const demographicConsentQuery = queryOptions({
  queryKey: queryKeys.demographicConsent,
  queryFn: () => unwrap(api.GET('/api/v1/me/demographic-consent')),
});

/** The districts and employers a profile may choose from; anything else is refused by the API. */
export type ProfileOptions = components['schemas']['ProfileOptionsView'];

export const profileOptionsQuery = queryOptions({
  queryKey: queryKeys.profileOptions,
  queryFn: () => unwrap<ProfileOptions>(api.GET('/api/v1/me/profile-options')),
  staleTime: 10 * 60_000,
});
