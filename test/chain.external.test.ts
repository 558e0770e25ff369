import { describeChain } from './chain-scenarios';
import { externalConfigured, externalStack } from './stack';

jest.setTimeout(30_000);

// .ci/run installs Mosquitto and PostgreSQL and sets TEST_MQTT_URL and TEST_DATABASE_URL; in CI
// their absence is a failure, elsewhere these tests are skipped.
if (!externalConfigured && process.env.CI) throw new Error('CI must set TEST_MQTT_URL and TEST_DATABASE_URL for the Mosquitto + PostgreSQL tests');

(externalConfigured ? describe : describe.skip)('chain on Mosquitto + PostgreSQL', () => describeChain(externalStack));
