import { type AccessGrant, type SessionTransport, sessionTransport } from './session-transport';
import { withCrossTabLock } from './cross-tab-lock';

export type SessionStatus = 'starting' | 'signed-in' | 'signed-out';
/** Why the last sign-out happened: the screen says "your session ended" only for `expired`. */
export type SignOutReason = 'none' | 'signed-out' | 'expired';

export interface SessionSnapshot {
  status: SessionStatus;
  reason: SignOutReason;
}

// Not a secret: only says "a refresh may work", so a visitor who never signed in costs no request.
const HINT_KEY = 'gds.session';
const CHANNEL = 'gds-session';
// Refresh this long before expiry rather than wait for a 401.
const EARLY_MS = 30_000;

type Message = { kind: 'grant'; grant: AccessGrant } | { kind: 'signed-out' };

/**
 * The browser session: the access token lives only in this object's memory; the refresh token in
 * an HttpOnly cookie the page cannot read. Refreshes are one at a time across every tab (a Web
 * Lock), since the server rotates refresh tokens and treats a reused one as theft. A tab that
 * refreshed tells the others (BroadcastChannel), so they take the new token instead of refreshing.
 */
export class Session {
  private grant: AccessGrant | undefined;
  private snapshot: SessionSnapshot = { status: 'starting', reason: 'none' };
  private readonly listeners = new Set<() => void>();
  private refreshing: Promise<string | null> | undefined;
  private started: Promise<void> | undefined;
  private readonly channel: BroadcastChannel | undefined;

  constructor(
    private readonly transport: SessionTransport,
    private readonly storage: Storage | undefined = globalThis.localStorage,
  ) {
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : undefined;
    this.channel?.addEventListener('message', (event: MessageEvent<Message>) => this.hear(event.data));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionSnapshot => this.snapshot;

  /** Restores the session after a load (one refresh, when this browser was signed in). Idempotent. */
  start(): Promise<void> {
    this.started ??= (async () => {
      if (this.storage?.getItem(HINT_KEY) !== '1') return this.setSignedOut('none');
      try {
        await this.refresh();
      } catch {
        // Unreachable server: stay signed out for now; the sign-in screen says the server is unreachable.
        if (!this.grant) this.setSignedOut('none');
      }
    })();
    return this.started;
  }

  accessToken(): string | undefined {
    return this.grant?.accessToken;
  }

  expiresSoon(now = Date.now()): boolean {
    return !!this.grant && this.grant.expiresAt - now < EARLY_MS;
  }

  async signIn(email: string, password: string): Promise<void> {
    this.accept(await this.transport.signIn(email, password));
    this.broadcast({ kind: 'grant', grant: this.grant! });
  }

  /**
   * A fresh access token, or null when the session is over. `stale` is the token a request was
   * refused with: if another tab or call already replaced it, that newer token is used as it is.
   */
  refresh(stale?: string): Promise<string | null> {
    this.refreshing ??= withCrossTabLock('gds-session-refresh', async () => {
      if (this.grant && this.grant.accessToken !== stale && !this.expiresSoon()) return this.grant.accessToken;
      const grant = await this.transport.refresh();
      if (!grant) {
        this.setSignedOut(this.snapshot.status === 'signed-in' ? 'expired' : 'none');
        return null;
      }
      this.accept(grant);
      this.broadcast({ kind: 'grant', grant });
      return grant.accessToken;
    }).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  async signOut(): Promise<void> {
    const token = this.grant?.accessToken;
    this.setSignedOut('signed-out');
    this.broadcast({ kind: 'signed-out' });
    await this.transport.signOut(token).catch(() => undefined);
  }

  private hear(message: Message): void {
    if (message.kind === 'grant') this.accept(message.grant);
    else this.setSignedOut('signed-out');
  }

  private accept(grant: AccessGrant): void {
    this.grant = grant;
    this.storage?.setItem(HINT_KEY, '1');
    this.set({ status: 'signed-in', reason: 'none' });
  }

  private setSignedOut(reason: SignOutReason): void {
    this.grant = undefined;
    this.storage?.removeItem(HINT_KEY);
    this.set({ status: 'signed-out', reason });
  }

  private set(next: SessionSnapshot): void {
    if (next.status === this.snapshot.status && next.reason === this.snapshot.reason) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  private broadcast(message: Message): void {
    this.channel?.postMessage(message);
  }
}

export const session = new Session(sessionTransport);
