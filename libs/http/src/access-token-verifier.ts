import { Principal } from './access.decorators';

/** Turns a bearer token into a principal, or throws. Implemented by the identity module. */
export abstract class AccessTokenVerifier {
  abstract verify(token: string): Promise<Principal>;
}
