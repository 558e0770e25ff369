import { describeChain } from './chain-scenarios';
import { embeddedStack } from './stack';

jest.setTimeout(30_000);

describe('chain on the embedded stack (aedes + PGlite)', () => describeChain(embeddedStack));
