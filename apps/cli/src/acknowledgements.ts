import { v1 } from '@shailoo/contracts';

/** What the tally server answered a station's messages: a line for a person, the rejections counted by reason. */
export function acknowledgements(acks: readonly v1.Ack[]): { line: string; rejected: number; reasons: string; hint: string } {
  const count = (status: v1.AckStatus) => acks.filter((a) => a.status === status).length;
  const byReason = new Map<string, number>();
  for (const a of acks) {
    if (a.status !== v1.AckStatus.ACK_STATUS_REJECTED) continue;
    const reason = a.reason.split(':')[0] || 'no reason given';
    byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
  }
  const rejected = count(v1.AckStatus.ACK_STATUS_REJECTED);
  const reasons = [...byReason].map(([r, n]) => `${r} ×${n}`).join(', ');
  const unregistered = byReason.has('unknown-device') || byReason.has('unknown-election');
  return {
    line: `${acks.length} message${acks.length === 1 ? '' : 's'} acknowledged by the tally server: ${count(v1.AckStatus.ACK_STATUS_ACCEPTED)} stored, ${count(v1.AckStatus.ACK_STATUS_DUPLICATE)} already stored, ${rejected} rejected${rejected ? ` (${reasons})` : ''}`,
    rejected,
    reasons,
    hint: unregistered
      ? "the election or its devices are not registered there: run the station with --register <the tally server's HTTP address> (and OPERATOR_TOKEN)"
      : 'each rejection is in the election’s quarantine (GET /api/elections/{id}/quarantine), with its reason',
  };
}
