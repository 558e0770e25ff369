import { serviceAuthorities } from '@shailoo/identification-device';
import { Delivery } from '@shailoo/modem';
import { sendStationDay, StationUplinkOptions } from '@shailoo/station';
import { ElectionDay, prepareStation, StationChoice, StationRun, stationDevices } from './council-day';

export interface CouncilStationOptions extends StationChoice, StationUplinkOptions {
  /** Ask the identification service over the broker; otherwise the devices use the precinct's list. */
  onlineIdentification?: boolean;
}

/**
 * One station of a council through its whole day against a broker: simulated (its identification
 * devices asking the identification service when online), then every message sent over its modems
 * until acknowledged.
 */
export async function runCouncilStation(day: ElectionDay, options: CouncilStationOptions): Promise<StationRun & { deliveries: Delivery[] }> {
  const devices = stationDevices(day, options.seed, options.precinct);
  const service = options.onlineIdentification
    ? await serviceAuthorities(options.brokerUrl, devices.identification, {
        electionId: day.definition.id,
        definitionHash: day.hash,
        precinctId: devices.precinctId,
      })
    : null;
  const run = await prepareStation(options, day, service?.authorityFor, devices).finally(() => service?.close());
  const deliveries = await sendStationDay(
    day.definition.id,
    day.definition.date,
    run.devices.map((d) => d.id),
    run.station,
    options,
  );
  return { ...run, deliveries };
}
