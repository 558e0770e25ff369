import { Client } from 'pg';
import { LOG_CHANNEL } from './repositories/submission.repository';

/**
 * Announcements of commits to the log (LISTEN on a connection of its own): `onCommit` is called
 * for each, so a follower reads at once instead of at its next poll. A lost connection is opened
 * again every second; meanwhile the follower's polling carries on alone.
 */
export class LogNotifications {
  private client: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    private readonly url: string,
    private readonly onCommit: () => void,
  ) {}

  static async start(url: string, onCommit: () => void): Promise<LogNotifications> {
    const n = new LogNotifications(url, onCommit);
    await n.listen();
    return n;
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.url, keepAlive: true });
    client.on('notification', () => this.onCommit());
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${LOG_CHANNEL}`);
      this.client = client;
    } catch {
      this.lost(client);
    }
  }

  private lost(client: Client): void {
    if (this.client === client) this.client = null;
    void client.end().catch(() => undefined);
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.listen();
    }, 1000);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
