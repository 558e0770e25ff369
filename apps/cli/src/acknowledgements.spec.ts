import { v1 } from '@shailoo/contracts';
import { acknowledgements } from './acknowledgements';

const ack = (status: v1.AckStatus, reason = '') => v1.Ack.create({ deviceId: 'aeu-1', sequence: 1, status, reason });

describe('acknowledgements', () => {
  it('counts what was stored, stored before and rejected, with the reasons and what to do about unregistered devices', () => {
    const summary = acknowledgements([
      ack(v1.AckStatus.ACK_STATUS_ACCEPTED),
      ack(v1.AckStatus.ACK_STATUS_DUPLICATE),
      ack(v1.AckStatus.ACK_STATUS_REJECTED, 'unknown-device: aeu-9 is not registered'),
      ack(v1.AckStatus.ACK_STATUS_REJECTED, 'unknown-device: aeu-8 is not registered'),
      ack(v1.AckStatus.ACK_STATUS_REJECTED, 'bad-signature'),
    ]);
    expect(summary).toMatchObject({
      line: '5 messages acknowledged by the tally server: 1 stored, 1 already stored, 3 rejected (unknown-device ×2, bad-signature ×1)',
      rejected: 3,
      reasons: 'unknown-device ×2, bad-signature ×1',
    });
    expect(summary.hint).toContain('--register');
  });

  it('says nothing of reasons when nothing was rejected', () => {
    const summary = acknowledgements([ack(v1.AckStatus.ACK_STATUS_ACCEPTED)]);
    expect(summary.line).toBe('1 message acknowledged by the tally server: 1 stored, 0 already stored, 0 rejected');
    expect(summary.rejected).toBe(0);
    expect(summary.hint).not.toContain('--register');
  });
});
