import { DataSource } from 'typeorm';

/**
 * A fingerprint of every application table (row count and an md5 of the rows), so that a test can
 * prove a refused request changed nothing anywhere, including tables of modules it does not know.
 */
export async function databaseFingerprint(dataSource: DataSource): Promise<Record<string, string>> {
  const tables: Array<{ name: string }> = await dataSource.query(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1",
  );
  const fingerprint: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await dataSource.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${name}" t`);
    fingerprint[name] = `${row.n}:${row.h}`;
  }
  return fingerprint;
}
