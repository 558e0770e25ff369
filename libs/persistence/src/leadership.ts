import { Client } from 'pg';

/**
 * One of several processes at a time, by a PostgreSQL session advisory lock held on a connection
 * of its own: whoever holds it leads; when that process dies its connection closes, the lock is
 * released and another takes it at its next try. The leader checks its lease every `everyMs`: a
 * round trip on that connection that fails or takes longer than `everyMs` (the database cut off
 * without a TCP reset, say) ends its leading at once, within two periods of the cut. The
 * connection asks the server for TCP keepalives every few seconds, so the server, too, drops a
 * session whose peer is gone and frees the lock for another.
 */
export class Leadership {
  private client: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private leading = false;
  private closed = false;
  private checking = false;

  private constructor(
    private readonly url: string,
    private readonly key: number,
    private readonly onChange: (leading: boolean) => void,
    private readonly everyMs: number,
  ) {}

  static async start(url: string, key: number, onChange: (leading: boolean) => void, everyMs = 1000): Promise<Leadership> {
    const l = new Leadership(url, key, onChange, everyMs);
    await l.attempt();
    l.timer = setInterval(() => void l.attempt(), everyMs);
    l.timer.unref();
    return l;
  }

  get isLeader(): boolean {
    return this.leading;
  }

  private async attempt(): Promise<void> {
    if (this.closed || this.checking) return;
    if (this.leading) return this.check();
    try {
      if (!this.client) {
        const client = new Client({ connectionString: this.url, keepAlive: true, keepAliveInitialDelayMillis: 5000, query_timeout: this.everyMs });
        client.on('error', () => this.lost());
        await client.connect();
        await client.query('SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3');
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

  /** Whether the session holding the lock still answers in time. */
  private async check(): Promise<void> {
    this.checking = true;
    try {
      await this.client!.query('SELECT 1');
    } catch {
      this.lost();
    } finally {
      this.checking = false;
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
