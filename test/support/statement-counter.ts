import { Client } from 'pg';
import { ACCESS_STANDING_LISTENER_NAME } from '../../src/identity/access-standing-listener.service';

/**
 * Counts every statement any pg client of this process sends while `during` runs (issue 23's
 * round-trip tests), but the access standing listener's (its own connection, on its own clock). Install once per file, in beforeAll after the app started; uninstall in afterAll.
 */
export class StatementCounter {
  private readonly original = Client.prototype.query;
  private seen: string[] | null = null;
  /** The prepared statement's name of each statement seen (named statements, issue 23), or null. */
  private names: Array<string | null> = [];

  install(): void {
    const original = this.original;
    const record = (statement: string, name: string | null) => {
      if (!this.seen) return;
      this.seen.push(statement);
      this.names.push(name);
    };
    (Client.prototype as any).query = function (this: Client, ...args: unknown[]) {
      // The access standing listener's own connection (LISTEN, its trigger check, its periodic self-probe) is not a request's.
      if ((this as unknown as { connectionParameters?: { application_name?: string } }).connectionParameters?.application_name === ACCESS_STANDING_LISTENER_NAME) {
        return (original as any).apply(this, args);
      }
      const config = args[0] as { text?: string; name?: string };
      record(typeof args[0] === 'string' ? args[0] : String(config?.text ?? args[0]), typeof args[0] === 'string' ? null : (config?.name ?? null));
      return (original as any).apply(this, args);
    };
  }

  uninstall(): void {
    Client.prototype.query = this.original;
  }

  /** The work's result and the statements sent while it ran, in order. */
  async during<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[]; names: Array<string | null> }> {
    this.seen = [];
    this.names = [];
    try {
      const result = await work();
      return { result, statements: [...this.seen], names: [...this.names] };
    } finally {
      this.seen = null;
    }
  }
}
