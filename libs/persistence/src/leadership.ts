import { Client } from 'pg';

/**
 * One of several processes at a time, by a PostgreSQL session advisory lock held on a connection
 * of its own: whoever holds it leads; when that process dies its connection closes, the lock is
 * released and another takes it at its next try.
 */
export class Leadership {
  private client: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private leading = false;
  private closed = false;

  private constructor(
    private readonly url: string,
    private readonly key: number,
    private readonly onChange: (leading: boolean) => void,
  ) {}

  static async start(url: string, key: number, onChange: (leading: boolean) => void, everyMs = 1000): Promise<Leadership> {
    const l = new Leadership(url, key, onChange);
    await l.attempt();
    l.timer = setInterval(() => void l.attempt(), everyMs);
    l.timer.unref();
    return l;
  }

  get isLeader(): boolean {
    return this.leading;
  }

  private async attempt(): Promise<void> {
    if (this.closed || this.leading) return;
    try {
      if (!this.client) {
        const client = new Client({ connectionString: this.url });
        client.on('error', () => this.lost());
        await client.connect();
        this.client = client;
      }
      const { rows } = await this.client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [this.key]);
      if (rows[0].ok && !this.closed) {
        this.leading = true;
        this.onChange(true);
      }
    } catch {
      this.lost();
    }
  }

  private lost(): void {
    const client = this.client;
    this.client = null;
    void client?.end().catch(() => undefined);
    if (this.leading) {
      this.leading = false;
      this.onChange(false);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    const client = this.client;
    this.client = null;
    this.leading = false;
    await client?.end().catch(() => undefined);
  }
}
