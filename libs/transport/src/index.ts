export * from './embedded-broker';
export * from './binary-mqtt-server';
export * from './mqtt-connection';
