import { Injectable } from '@nestjs/common';
import { filter, map, Observable, Subject } from 'rxjs';

export interface Change {
  electionId: string;
  type: 'submission' | 'rejection' | 'results' | 'closed' | 'reopened' | 'fault';
  data: Record<string, unknown>;
}

/** Every change the server makes, for the server-sent events stream. */
@Injectable()
export class ChangeFeed {
  private readonly changes = new Subject<Change>();

  emit(change: Change): void {
    this.changes.next(change);
  }

  /** One election's changes as server-sent events. */
  events(electionId: string): Observable<{ type: string; data: Record<string, unknown> }> {
    return this.changes.pipe(
      filter((c) => c.electionId === electionId),
      map((c) => ({ type: c.type, data: c.data })),
    );
  }
}
