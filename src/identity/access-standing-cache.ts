import { LRUCache } from 'lru-cache';
import { Principal } from '@gds/http';

/** What the access check decides for a (user, session): the roles granted, or why the credential no longer stands. */
export type Standing = Principal['roles'] | 'inactive' | 'ended';

/** Users whose standings are kept (each with its sessions'), least recently used out. */
const MAX_USERS = 20_000;
/** Sessions kept per user: a user has a handful; a flood of forged-but-signed sids cannot happen (tokens are ours). */
const MAX_SESSIONS_PER_USER = 32;

interface Entry {
  standing: Standing;
  /** When it stops being answered (the clock's milliseconds; monotonic by default, so a wall-clock step cannot extend it). */
  until: number;
}

/** A user's key: the id's canonical lower case, whatever case a caller (a URL, a payload) gave it, so a forget never misses. */
const key = (userId: string): string => userId.toLowerCase();

/** The key of a token without a session (`sid`): no UUID is empty. */
const NO_SESSION = '';

/**
 * The access check's answers by (user, session), so a repeated request sends no access-check
 * statement (issue 23: it was every authenticated request's first round trip). Only a process whose
 * invalidation feed is live answers from it: `live(true)` once the listener LISTENs (which clears
 * it), `live(false)` when that connection is lost (cleared and bypassed until it is back), so a
 * notification lost with a connection never leaves an entry standing. Entries also age out after
 * `maxAgeMs` whatever happens (defence in depth); 0 turns the cache off.
 *
 * Race safety: a lookup takes `generation()` before it reads the database and `store` keeps its
 * answer only if no forget or clear happened since — a read that began before a change committed
 * (and whose notification has since been handled) must not put the old standing back. One global
 * counter: forgets are rare (a standing change), so a lookup losing its store to another user's
 * change costs one more round trip later, never a wrong answer.
 */
export class AccessStandingCache {
  private readonly users = new LRUCache<string, Map<string, Entry>>({ max: MAX_USERS });
  private counter = 0;
  private feedLive = false;

  constructor(
    private readonly maxAgeMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Whether the cache is configured on at all (ACCESS_STANDING_CACHE_SECONDS > 0). */
  get enabled(): boolean {
    return this.maxAgeMs > 0;
  }

  /** Whether lookups may be answered from it now: on, and the invalidation feed live. */
  get answering(): boolean {
    return this.feedLive && this.maxAgeMs > 0;
  }

  /** The standing known for (user, session), or undefined: miss, aged out, or not answering. */
  get(userId: string, sessionId: string | undefined): Standing | undefined {
    if (!this.answering) return undefined;
    const sessions = this.users.get(key(userId));
    const entry = sessions?.get(sessionId ?? NO_SESSION);
    if (!entry) return undefined;
    if (this.now() < entry.until) return entry.standing;
    sessions!.delete(sessionId ?? NO_SESSION);
    return undefined;
  }

  /** The token a lookup takes before it reads the database, for `store`. */
  generation(): number {
    return this.counter;
  }

  /** Keeps a lookup's answer, unless the cache is not answering or anything was forgotten since `generation` was taken. */
  store(userId: string, sessionId: string | undefined, standing: Standing, generation: number): void {
    if (!this.answering || generation !== this.counter) return;
    let sessions = this.users.get(key(userId));
    if (!sessions) {
      sessions = new Map();
      this.users.set(key(userId), sessions);
    } else if (sessions.size >= MAX_SESSIONS_PER_USER && !sessions.has(sessionId ?? NO_SESSION)) {
      sessions.delete(sessions.keys().next().value!);
    }
    // Frozen: every request of the session shares the array.
    sessions.set(sessionId ?? NO_SESSION, { standing: typeof standing === 'string' ? standing : Object.freeze([...standing]) as Standing, until: this.now() + this.maxAgeMs });
  }

  /** The user's standing changed (or may have): every session's entry goes, and lookups in flight do not store. */
  forget(userId: string): void {
    this.counter++;
    this.users.delete(key(userId));
  }

  /** Everything goes, and lookups in flight do not store. */
  clear(): void {
    this.counter++;
    this.users.clear();
  }

  /** The invalidation feed is live (LISTEN established) or not (not yet, or lost): either way it starts again empty. */
  live(live: boolean): void {
    this.clear();
    this.feedLive = live;
  }

  /** Entries held, for tests. */
  get size(): number {
    let n = 0;
    for (const sessions of this.users.values()) n += sessions.size;
    return n;
  }
}
