import { publishRefusal } from './broker-access';

describe(publishRefusal.name, () => {
  const device = { kind: 'device' as const, name: 'aeu-1' };
  const packet = (topic: string, extra: { retain?: boolean; qos?: number; bytes?: number } = {}) => ({
    topic,
    retain: extra.retain,
    qos: extra.qos ?? 1,
    payload: { length: extra.bytes ?? 100 },
  });
  const always = () => true;

  it('lets a device publish its own uplink and identification requests, and nothing else', () => {
    expect(publishRefusal(device, packet('shailoo/v1/up/e1/aeu-1/result'), 1000, always)).toBeNull();
    expect(publishRefusal(device, packet('shailoo/v1/id/e1/aeu-1/request'), 1000, always)).toBeNull();
    expect(publishRefusal(device, packet('shailoo/v1/up/e1/aeu-2/result'), 1000, always)).toBe('publish-not-allowed');
    expect(publishRefusal(device, packet('shailoo/v1/id/e1/aeu-1/answer'), 1000, always)).toBe('publish-not-allowed');
    expect(publishRefusal(device, packet('shailoo/v1/pub/e1/aggregate/x'), 1000, always)).toBe('publish-not-allowed');
    expect(publishRefusal(device, packet('shailoo/v1/up/e1/aeu-1/result/extra'), 1000, always)).toBe('publish-not-allowed');
    expect(publishRefusal({ kind: 'anonymous', name: '' }, packet('shailoo/v1/up/e1/aeu-1/result'), 1000, always)).toBe('publish-not-allowed');
  });

  it('refuses what a broker would have to keep (retained, QoS 2), what is too large, and what comes too fast', () => {
    const own = 'shailoo/v1/up/e1/aeu-1/result';
    expect(publishRefusal(device, packet(own, { retain: true }), 1000, always)).toBe('retain-not-allowed');
    expect(publishRefusal(device, packet(own, { qos: 2 }), 1000, always)).toBe('qos2-not-allowed');
    expect(publishRefusal(device, packet(own, { bytes: 1001 }), 1000, always)).toBe('payload-too-large');
    expect(publishRefusal(device, packet(own, { bytes: 1000 }), 1000, () => false)).toBe('rate-limited');
  });
});
