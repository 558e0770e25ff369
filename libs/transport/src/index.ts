export * from './binary-mqtt-server';
export * from './embedded-broker';
export * from './mqtt-connection';
export * from './lean-mqtt-client';
export * from './broker-access';
export * from './mosquitto-access';
export * from './broker-check';
