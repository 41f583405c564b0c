import { Principal } from './access.decorators';

/**
 * Turns a bearer token into a principal, or throws. Implemented by the identity module. With
 * `withProfile`, the principal carries the caller's profile, read in the same statement as the check.
 */
export abstract class AccessTokenVerifier {
  abstract verify(token: string, withProfile?: boolean): Promise<Principal>;
}
