import { type AccessGrant, type SessionTransport, type SessionUser, sessionTransport } from './session-transport';
import { withCrossTabLock } from './cross-tab-lock';
import { activateLocale } from '../i18n/i18n';
import { isLocale } from '../i18n/locales';

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
// Refresh this long before expiry rather than wait for a 401 (a quarter of a short token's life).
const EARLY_MS = 30_000;
const LOCK = 'gds-session-refresh';
// How long a tab that waited for another tab's refresh waits for its grant to arrive by message.
const GRANT_WAIT_MS = 1000;

export interface SessionHooks {
  /**
   * Called with the person when a session begins in this tab (sign-in, or restored on load), and
   * awaited before the session says "signed in", so the first screen is already in their language.
   */
  onSessionStart?: (user: SessionUser) => Promise<void> | void;
}

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
  private readonly grantWaiters = new Set<() => void>();

  constructor(
    private readonly transport: SessionTransport,
    private readonly storage: Storage | undefined = globalThis.localStorage,
    private readonly hooks: SessionHooks = {},
  ) {
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : undefined;
    this.channel?.addEventListener('message', (event: MessageEvent<Message>) => this.hear(event.data));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionSnapshot => this.snapshot;

  /** Whether this browser may hold a session (it signed in and has not signed out): false needs no round trip to know. */
  mayBeSignedIn(): boolean {
    return this.storage?.getItem(HINT_KEY) === '1';
  }

  /** Restores the session after a load (one refresh, when this browser was signed in). Idempotent. */
  start(): Promise<void> {
    this.started ??= (async () => {
      if (!this.mayBeSignedIn()) return this.setSignedOut('none');
      try {
        await this.refresh(undefined, true);
      } catch {
        // Unreachable server, or the page is unloading (a reload aborts the request): signed out
        // for now, but the hint stays, so the next load tries again.
        if (!this.grant) this.set({ status: 'signed-out', reason: 'none' });
      }
    })();
    return this.started;
  }

  accessToken(): string | undefined {
    return this.grant?.accessToken;
  }

  /** Who is signed in (from the session routes' answer), or undefined. */
  user(): SessionUser | undefined {
    return this.grant?.user;
  }

  expiresSoon(now = Date.now()): boolean {
    if (!this.grant) return false;
    return this.grant.expiresAt - now < Math.min(EARLY_MS, this.grant.lifetimeMs / 4);
  }

  /**
   * `beforeShown` runs with the person once the token is usable and before any screen hears of the
   * sign-in: requests it starts (the next screen's reads) leave before the app re-renders for the
   * signed-in person, which on a slow phone takes a good part of a round trip (issue 14).
   */
  async signIn(email: string, password: string, beforeShown?: (user: SessionUser) => void): Promise<SessionUser> {
    const grant = await this.transport.signIn(email, password);
    await this.startedFor(grant.user);
    if (beforeShown) {
      this.grant = grant;
      beforeShown(grant.user);
      // React renders a store change in a microtask; the requests' own microtasks (middleware, then
      // fetch) all run before the next task, so they are on the wire before that render starts.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    this.accept(grant);
    this.broadcast({ kind: 'grant', grant });
    return grant.user;
  }

  /**
   * A fresh access token, or null when the session is over. `stale` is the token a request was
   * refused with: if another tab or call already replaced it, that newer token is used as it is.
   */
  refresh(stale?: string, starting = false): Promise<string | null> {
    const answer = this.refreshOnce(stale, starting);
    if (stale === undefined) return answer;
    // The answer may be the very token this caller was refused with: a refresh already under way for
    // another caller, or a server that minted the same text again (two refreshes in one second gave
    // equal JWTs before they carried a jti: issue 14's two-tab race). That token is known dead, so
    // ask once more rather than repeat a request that can only be refused again.
    return answer.then((token) => (token === stale ? this.refreshOnce(stale, starting) : token));
  }

  private refreshOnce(stale: string | undefined, starting: boolean): Promise<string | null> {
    this.refreshing ??= withCrossTabLock(LOCK, async (waited) => {
      // Another tab held the lock, so it has most likely just refreshed: its grant comes by a
      // message that may arrive just after the lock does, so wait for it briefly.
      if (waited && (!this.grant || this.grant.accessToken === stale)) await this.nextGrant(GRANT_WAIT_MS);
      if (this.grant && this.grant.accessToken !== stale && !this.expiresSoon()) {
        if (starting) await this.startedFor(this.grant.user);
        return this.grant.accessToken;
      }
      const grant = await this.transport.refresh();
      if (!grant) {
        this.setSignedOut(this.snapshot.status === 'signed-in' ? 'expired' : 'none');
        return null;
      }
      if (starting) await this.startedFor(grant.user);
      this.accept(grant);
      this.broadcast({ kind: 'grant', grant });
      return grant.accessToken;
    }).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** Ends the session here, in every other tab (a message), and on the server (the cookie's session). */
  async signOut(): Promise<void> {
    this.setSignedOut('signed-out');
    this.broadcast({ kind: 'signed-out' });
    // Even offline the tab is signed out; the cookie's session then ends when it expires.
    await this.transport.signOut().catch(() => undefined);
  }

  private async startedFor(user: SessionUser): Promise<void> {
    await Promise.resolve(this.hooks.onSessionStart?.(user)).catch(() => undefined);
  }

  /** Resolves when a grant arrives from another tab, or after `ms`. */
  private nextGrant(ms: number): Promise<void> {
    if (!this.channel) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.grantWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.grantWaiters.add(done);
    });
  }

  private hear(message: Message): void {
    if (message.kind === 'grant') {
      this.accept(message.grant);
      for (const waiter of [...this.grantWaiters]) waiter();
    } else this.setSignedOut('signed-out');
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

/** The app's session: the person's saved language is applied as soon as they sign in or come back. */
export const session = new Session(sessionTransport, globalThis.localStorage, {
  onSessionStart: (user) => (isLocale(user.language) ? activateLocale(user.language) : undefined),
});
