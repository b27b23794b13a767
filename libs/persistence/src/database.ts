import pg from 'pg';

/** Database name of a PostgreSQL URL. */
export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`database name "${name}" must be lower-case letters, digits and underscores`);
  }
  return name;
}

/** The same server's maintenance database, from which databases are created and dropped. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>, admin?: string): Promise<T> {
  const client = new pg.Client({ connectionString: admin ?? adminUrl(url) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `url` if it does not exist yet. Returns true when it was created. */
export async function ensureDatabase(url: string, admin?: string): Promise<boolean> {
  const name = databaseName(url);
  return withAdmin(
    url,
    async (client) => {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount) return false;
      try {
        // UTF-8 with a UTF-8 character classification: under the C ctype pg_trgm ignores every Chinese character.
        await client.query(
          `CREATE DATABASE "${name}" ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`,
        );
        return true;
      } catch (error) {
        // Two processes creating the same database at once: the loser sees duplicate_database.
        if ((error as { code?: string }).code === '42P04') return false;
        throw error;
      }
    },
    admin,
  );
}

export async function dropDatabase(url: string, admin?: string): Promise<void> {
  const name = databaseName(url);
  await withAdmin(url, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`), admin);
}
