import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

import { MessageKind } from '@shailoo/contracts';

export interface OutboxEntry {
  /** `${kind}:${sequence}`: one entry per signed message. */
  id: string;
  electionId: string;
  kind: MessageKind;
  envelopeBase64: string;
  acknowledged: boolean;
}

/**
 * The modem's store-and-forward queue. With a path it lives on the device's own storage, written
 * atomically (temporary file, then rename) after every change, so a restart resumes where it
 * stopped and never sends an acknowledged message again. Without a path it is in memory.
 */
export class Outbox {
  private readonly entries: OutboxEntry[];

  constructor(private readonly path?: string) {
    this.entries = path && existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as OutboxEntry[]) : [];
  }

  add(entry: Omit<OutboxEntry, 'acknowledged'>): OutboxEntry {
    const known = this.entries.find((e) => e.id === entry.id);
    if (known) return known;
    const added = { ...entry, acknowledged: false };
    this.entries.push(added);
    this.save();
    return added;
  }

  acknowledge(id: string): void {
    const entry = this.entries.find((e) => e.id === id);
    if (!entry || entry.acknowledged) return;
    entry.acknowledged = true;
    this.save();
  }

  pending(): OutboxEntry[] {
    return this.entries.filter((e) => !e.acknowledged);
  }

  all(): readonly OutboxEntry[] {
    return this.entries;
  }

  private save(): void {
    if (!this.path) return;
    writeFileSync(`${this.path}.tmp`, JSON.stringify(this.entries));
    renameSync(`${this.path}.tmp`, this.path);
  }
}
