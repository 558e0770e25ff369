import { deviceRegistration, v1 } from '@shailoo/contracts';
import { cityCouncil2021, cityCouncilDefinition } from '@shailoo/election';
import { Random } from '@shailoo/platform';
import { decodeEventLog, encodeEventLog, EventLog } from './event-log';

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
});
