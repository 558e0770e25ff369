import { ServerLogger } from './server-logger';

describe('ServerLogger', () => {
  let written: string[];
  beforeEach(() => {
    written = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it('drops Nest’s route and module lines unless verbose, and keeps what the server says', () => {
    new ServerLogger(false).log('Mapped {/api/health, GET} route', 'RouterExplorer');
    new ServerLogger(false).log('device aeu-1 banned', 'IngestController');
    new ServerLogger(true).log('Mapped {/metrics, GET} route', 'RouterExplorer');
    expect(written.map((l) => JSON.parse(l).message)).toEqual(['device aeu-1 banned', 'Mapped {/metrics, GET} route']);
  });
});
