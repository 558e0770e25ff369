export * from './commission';
export * from './polling-station';
export * from './precinct-authority';
export * from './station-uplink';
