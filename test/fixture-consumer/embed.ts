// A program that embeds the CEC's tally server from the package's main entry (type-checked by the
// consumer check with `tsc --strict`, like the test suite beside it).
import { startTallyServer, tallySettings, TallyApi, TallyServerHandle } from 'shailoo-sim';

export async function embeddedServer(mqttUrl: string): Promise<TallyServerHandle> {
  const server = await startTallyServer(tallySettings({ mqttUrl, port: 0, operatorToken: 'an-operator-token-of-our-own' }));
  const api = new TallyApi(server.httpUrl, 'an-operator-token-of-our-own');
  const metrics: string = await api.metrics();
  if (!metrics.includes('shailoo_')) throw new Error('the server answers no metrics of its own');
  return server;
}
