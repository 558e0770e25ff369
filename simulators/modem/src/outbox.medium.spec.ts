import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, Random } from '@shailoo/platform';
import { ELECTION, FakeCec, result } from '../test/fake-cec';
import { LINK_PROFILES, LinkModel } from './link-model';
import { Modem } from './modem';
import { Outbox } from './outbox';

// Medium tier: these write the outbox's file in a temporary directory.

describe('Outbox', () => {
  it('survives a restart from its file and keeps acknowledgements', () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    try {
      const file = join(dir, 'q.json');
      const a = new Outbox(file);
      a.add({ id: 'result:1', electionId: 'e', kind: 'result', envelopeBase64: 'AA==' });
      a.add({ id: 'result:2', electionId: 'e', kind: 'result', envelopeBase64: 'AQ==' });
      a.add({ id: 'result:1', electionId: 'e', kind: 'result', envelopeBase64: 'AA==' });
      a.acknowledge('result:1');
      const b = new Outbox(file);
      expect(b.all()).toHaveLength(2);
      expect(b.pending().map((e) => e.id)).toEqual(['result:2']);
      expect(new Outbox().pending()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Modem with an outbox on disk', () => {
  it('resumes its queue after a restart and never resends what was acknowledged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shailoo-modem-spec-'));
    try {
      const file = join(dir, 'outbox.json');
      const clock = new ManualClock(0);
      const cec = new FakeCec();
      const make = (link?: LinkModel) =>
        new Modem({ deviceId: 'com-1', brokerUrl: 'fake', connect: cec.connect, clock, outbox: new Outbox(file), link, resendMs: 5_000 });
      const envelopes = [1, 2, 3, 4, 5, 6].map((n) => result('com-1', n));

      const first = make();
      first.start();
      await clock.runUntil(Promise.all(envelopes.slice(0, 3).map((e) => first.send(e, ELECTION, 'turnout'))), 100);
      await first.stop();
      const dead = make(new LinkModel(LINK_PROFILES.ideal, new Random('dead'), [{ fromMs: 0, toMs: Number.MAX_SAFE_INTEGER }]));
      dead.start();
      envelopes.slice(3).forEach((e) => void dead.send(e, ELECTION, 'turnout'));
      clock.advance(60_000);
      await dead.stop();
      expect(new Outbox(file).pending()).toHaveLength(3);

      const before = cec.published.length;
      const restarted = make();
      restarted.start();
      await clock.runUntil(restarted.drained(), 100, 60_000);
      await restarted.stop();
      const after = cec.published.slice(before);
      expect(new Outbox(file).pending()).toHaveLength(0);
      expect(after.some((p) => envelopes.slice(0, 3).some((e) => e.equals(p)))).toBe(false);
      expect(envelopes.slice(3).every((e) => after.some((p) => e.equals(p)))).toBe(true);
      expect(cec.stored.size).toBe(6);
      await expect(make().send(envelopes[0], ELECTION, 'turnout')).rejects.toThrow(/acknowledged already/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
