import { deviceRegistration, v1 } from '@shailoo/contracts';
import { cityCouncil2021, cityCouncilDefinition } from '@shailoo/election';
import { Random } from '@shailoo/platform';
import { decodeEventLog, encodeEventLog, EventLog, MessageLog } from './event-log';

describe('the event log', () => {
  const random = new Random('log');
  const log: EventLog = {
    scenario: 'kaiyndy-2021',
    seed: 's',
    elections: [
      { definition: cityCouncilDefinition(cityCouncil2021('Кайыңды')), devices: [deviceRegistration('aeu-p1', 'p1', 'ballot-box', random.bytes(32))] },
    ],
    messages: Array.from({ length: 50 }, (_, i) => ({
      atMs: 1_618_100_000_000 + random.int(0, 5) * 1000,
      topic: `shailoo/v1/up/e/d${i % 3}/result`,
      payload: random.bytes(40),
    })),
  };

  it('reads back what it wrote, in the order of virtual time, topic and bytes', () => {
    const back = decodeEventLog(encodeEventLog(log));
    expect(back.scenario).toBe('kaiyndy-2021');
    expect(back.elections[0]).toEqual(log.elections[0]);
    expect(back.messages).toHaveLength(50);
    for (let i = 1; i < back.messages.length; i++) expect(back.messages[i - 1].atMs).toBeLessThanOrEqual(back.messages[i].atMs);
  });

  it('gives the same bytes whatever order the messages were collected in', () => {
    const shuffled = { ...log, messages: new Random('other order').shuffle([...log.messages]) };
    expect(encodeEventLog(shuffled).equals(encodeEventLog(log))).toBe(true);
  });

  it('refuses a log of another format', () => {
    const header = v1.EventLogHeader.encode({ format: 9, scenario: 'x' }).finish();
    expect(() => decodeEventLog(Buffer.from([header.length, ...header]))).toThrow(/event log format 9/);
  });

  it("keeps each payload as sent, in memory of its own, whatever becomes of the sender's buffer", () => {
    const kept = new MessageLog();
    const sent: Buffer[] = [];
    for (let i = 0; i < 5_000; i++) {
      // A small payload from Node's shared pool, a large one of its own; both reused by the sender after.
      const payload = i % 500 === 0 ? Buffer.from(random.bytes(100_000)) : Buffer.from(random.bytes(random.int(1, 300)));
      sent.push(Buffer.from(payload));
      kept.add(i, `shailoo/v1/up/e/d${i % 7}/result`, payload);
      payload.fill(0);
    }
    expect(kept.messages.filter((m, i) => !m.payload.equals(sent[i]))).toHaveLength(0);
    for (const m of kept.messages) expect(m.payload.buffer.byteLength).toBeGreaterThanOrEqual(100_000);
    expect(new Set(kept.messages.map((m) => m.payload.buffer)).size).toBeLessThan(kept.messages.length / 50);
    expect(kept.messages[7].topic).toBe(kept.messages[0].topic);
  });
});
