import { DeviceKey } from '@shailoo/platform';
import { int64ToNumber, sha256, signPrecinctResult, v1 } from './envelope';
import { isTopicLevel, parseUplinkTopic, Topics } from './topics';

describe('topics', () => {
  it('round-trips a result topic and refuses others', () => {
    expect(parseUplinkTopic(Topics.result('e1', 'aeu-1'))).toEqual({ electionId: 'e1', deviceId: 'aeu-1', kind: 'result' });
    expect(parseUplinkTopic(Topics.uplink('e1', 'com-1', 'turnout'))).toEqual({ electionId: 'e1', deviceId: 'com-1', kind: 'turnout' });
    expect(parseUplinkTopic('shailoo/v1/down/aeu-1/ack')).toBeNull();
    expect(parseUplinkTopic('shailoo/v2/up/e1/aeu-1/result')).toBeNull();
    expect(parseUplinkTopic('shailoo/v1/up/e1/x/y/result')).toBeNull();
  });

  it('allows no separator or wildcard inside a level', () => {
    expect(isTopicLevel('cc26-p001')).toBe(true);
    for (const bad of ['', 'a/b', 'a+', '#', 'a\u0000']) expect(isTopicLevel(bad)).toBe(false);
  });
});

describe('signed envelope', () => {
  it('carries the body exactly as signed, with a signature over those bytes', () => {
    const key = DeviceKey.fromSeed(Buffer.alloc(32, 7));
    const closedAtMs = Date.UTC(2021, 3, 11, 14);
    const raw = signPrecinctResult({ electionId: 'e', deviceId: 'd', precinctId: 'p', sequence: 3, closedAtMs, votes: [{ partyId: 'p1', votes: 5 }] }, key);
    const envelope = v1.SignedEnvelope.decode(raw);
    expect(envelope.version).toBe(1);
    expect(envelope.kind).toBe(v1.PayloadKind.PAYLOAD_KIND_PRECINCT_RESULT);
    expect(Buffer.from(envelope.signature)).toEqual(key.sign(envelope.body));
    const body = v1.PrecinctResult.decode(envelope.body);
    expect(body.sequence).toBe(3);
    expect(int64ToNumber(body.closedAtMs)).toBe(closedAtMs);
    expect(sha256(envelope.body)).toHaveLength(32);
  });
});
