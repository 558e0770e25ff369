export * from './commission';
export * from './polling-station';
export * from './station-uplink';
