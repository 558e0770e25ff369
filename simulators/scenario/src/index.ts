export * from './council-day';
export * from './council-station';
export * from './recorded-day';
export * from './synthetic-election';
