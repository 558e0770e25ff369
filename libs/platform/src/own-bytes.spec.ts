import { ownBytes, ownBytesIn } from './own-bytes';

describe('ownBytes', () => {
  it('copies a view of a larger buffer into an array of its own, and leaves an array that is all its buffer as it is', () => {
    const read = Buffer.alloc(65_536);
    read.write('view', 100);
    const view = read.subarray(100, 104);
    const own = ownBytes(view);
    expect(own.buffer.byteLength).toBe(4);
    expect(Buffer.from(own).toString()).toBe('view');
    const whole = new Uint8Array(8);
    expect(ownBytes(whole)).toBe(whole);
  });

  it('does so inside arrays (a statement’s parameters), and leaves everything else alone', () => {
    const read = Buffer.alloc(1024);
    const params = ownBytesIn([read.subarray(0, 2), [read.subarray(2, 5), 'text'], 7, null]);
    expect((params[0] as Uint8Array).buffer.byteLength).toBe(2);
    expect(((params[1] as unknown[])[0] as Uint8Array).buffer.byteLength).toBe(3);
    expect(params.slice(1)).toEqual([[expect.any(Uint8Array), 'text'], 7, null]);
  });
});
