import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEventLog } from './event-log';
import { shippedScenarioDir } from './scenario';

describe('reading an event log from a file', () => {
  it('refuses a file that is not an event log, saying what replay reads and what the file looks like', () => {
    const dir = mkdtempSync(join(tmpdir(), 'event-log-'));
    try {
      writeFileSync(join(dir, 'my-day.yaml'), readFileSync(join(shippedScenarioDir(), 'kaiyndy-2021.yaml')));
      expect(() => readEventLog(join(dir, 'my-day.yaml'))).toThrow(
        /^my-day\.yaml is not an event log \(.+\): replay reads what `shailoo-sim run <scenario> --record <file>` wrote; it looks like a scenario file: run it with `shailoo-sim run <file>`$/,
      );
      expect(() => readEventLog(join(dir, 'absent.log'))).toThrow(/^cannot read .*absent\.log: ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
