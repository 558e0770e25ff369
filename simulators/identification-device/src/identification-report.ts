import { signPayload, v1 } from '@shailoo/contracts';
import { DeviceKey } from '@shailoo/platform';
import { IdentificationSummary } from './identification-device';

/** The signed identification summary report a device sends at close (its one uplink message, sequence 1). */
export function sealIdentificationReport(
  report: Omit<IdentificationSummary, 'identifiedOffline' | 'refused'> & { refused: Partial<IdentificationSummary['refused']> },
  device: { deviceId: string; key: DeviceKey },
  header: { electionId: string; definitionHash: string; precinctId: string },
  closedAtMs: number,
): Buffer {
  return signPayload(
    v1.PayloadKind.PAYLOAD_KIND_IDENTIFICATION_REPORT,
    {
      electionId: header.electionId,
      definitionHash: Buffer.from(header.definitionHash, 'hex'),
      precinctId: header.precinctId,
      deviceId: device.deviceId,
      sequence: 1,
      identifiedByFingerprint: report.identifiedByFingerprint,
      identifiedByFace: report.identifiedByFace,
      refused: Object.entries(report.refused).map(([reason, count]) => ({ reason, count })),
      slipsPrinted: report.slipsPrinted,
      doubleVotes: report.doubleVotes,
      closedAtMs,
    },
    device.key,
  );
}
