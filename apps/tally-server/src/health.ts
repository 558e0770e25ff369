import { Inject, Injectable } from '@nestjs/common';
import { Database, DATABASE } from '@shailoo/persistence';
import { LogFollower } from './log-follower';
import { Publisher } from './publisher';

export interface Readiness {
  status: 'ok' | 'degraded' | 'stopping';
  /** Why the instance is not ready (empty when it is). */
  reasons: string[];
  database: { kind: Database['kind']; up: boolean };
  broker: { up: boolean };
  log: { caughtUp: boolean; behindSinceMs?: number };
}

/**
 * Whether this instance should be sent work: its database answers, its broker session is up, its
 * tally has caught up with the stored log (other instances' rows applied), and it is not shutting
 * down. Liveness is less: the process answers at all.
 */
@Injectable()
export class Health {
  private stopping = false;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly publisher: Publisher,
    private readonly follower: LogFollower,
  ) {}

  /** From now on the instance says it is not ready (an orchestrator stops routing to it while it drains). */
  stop(): void {
    this.stopping = true;
  }

  async readiness(): Promise<Readiness> {
    const database = await this.db.ping();
    const broker = this.publisher.connected;
    const behind = this.follower.behindSince();
    const reasons = [
      ...(this.stopping ? ['shutting down'] : []),
      ...(database ? [] : [`${this.db.kind} database unreachable`]),
      ...(broker ? [] : ['broker session down']),
      ...(behind === null ? [] : ['behind the stored log']),
    ];
    return {
      status: this.stopping ? 'stopping' : reasons.length ? 'degraded' : 'ok',
      reasons,
      database: { kind: this.db.kind, up: database },
      broker: { up: broker },
      log: behind === null ? { caughtUp: true } : { caughtUp: false, behindSinceMs: behind },
    };
  }
}
