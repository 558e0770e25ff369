import { ElectionDefinition } from '@shailoo/election';
import { DeviceRow, ElectionRepository, ElectionRow } from '@shailoo/persistence';

/**
 * An election repository in memory, for the small tests of services that need a registry but no
 * database (the medium tests in test/ use the real one).
 */
export function inMemoryElections(): ElectionRepository {
  const elections = new Map<string, ElectionRow>();
  const devices = new Map<string, DeviceRow>();
  const repository: Pick<ElectionRepository, keyof ElectionRepository> = {
    elections: async () => [...elections.values()],
    devices: async (electionId?: string) => [...devices.values()].filter((d) => !electionId || d.electionId === electionId),
    electionIds: async () => [...elections.keys()],
    withEveryDevice: async (_key, use) => use([...devices.values()].map((d) => ({ id: d.id, revoked: !!d.revokedAt, generation: d.generation ?? 0 }))),
    device: async (id) => devices.get(id) ?? null,
    election: async (id) => elections.get(id) ?? null,
    save: async (definition: ElectionDefinition, _hash, rows) => {
      if (!elections.has(definition.id)) elections.set(definition.id, { definition, closedAt: null });
      for (const d of rows) if (!devices.has(d.id)) devices.set(d.id, { ...d, electionId: definition.id });
    },
    close: async (id, at) => {
      elections.get(id)!.closedAt = at;
    },
    revoke: async (id) => {
      const d = devices.get(id);
      if (!d || d.revokedAt) return null;
      d.revokedAt = new Date();
      return d.revokedAt;
    },
    rekey: async (id, publicKey) => {
      const d = devices.get(id);
      if (!d) return null;
      Object.assign(d, { previousKeys: [...(d.previousKeys ?? []), d.publicKey], publicKey, generation: (d.generation ?? 0) + 1, revokedAt: null });
      return d;
    },
    changedDevices: async () => [...devices.values()].filter((d) => d.revokedAt || d.generation),
    closes: async () => new Map([...elections].map(([id, e]) => [id, e.closedAt])),
  };
  return repository as ElectionRepository;
}
