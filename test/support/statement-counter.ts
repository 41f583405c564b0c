import { Client } from 'pg';

/**
 * Counts every statement any pg client of this process sends while `during` runs (issue 23's
 * round-trip tests). Install once per file, in beforeAll after the app started; uninstall in afterAll.
 */
export class StatementCounter {
  private readonly original = Client.prototype.query;
  private seen: string[] | null = null;

  install(): void {
    const original = this.original;
    const record = (statement: string) => this.seen?.push(statement);
    (Client.prototype as any).query = function (this: Client, ...args: unknown[]) {
      record(typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string })?.text ?? args[0]));
      return (original as any).apply(this, args);
    };
  }

  uninstall(): void {
    Client.prototype.query = this.original;
  }

  /** The work's result and the statements sent while it ran, in order. */
  async during<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    this.seen = [];
    try {
      const result = await work();
      return { result, statements: [...this.seen] };
    } finally {
      this.seen = null;
    }
  }
}
