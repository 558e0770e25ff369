import { ConsoleLogger } from '@nestjs/common';

/** Nest's own start-up chatter: one line per module and route. */
const START_UP = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/**
 * The server's JSON log without Nest's start-up chatter (a line per route before the "listening"
 * line) unless `verbose` (LOG_VERBOSE=1); everything the server itself says is kept.
 */
export class ServerLogger extends ConsoleLogger {
  constructor(private readonly chatty: boolean) {
    super({ json: true });
  }

  override log(message: unknown, ...rest: unknown[]): void {
    if (!this.chatty && START_UP.has(String(rest.at(-1)))) return;
    super.log(message, ...rest);
  }
}
