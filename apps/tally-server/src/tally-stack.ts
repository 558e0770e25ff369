import { LoggerService } from '@nestjs/common';
import { TallyApi } from '@shailoo/contracts';
import { EmbeddedBroker } from '@shailoo/transport';
import { TallyCollaborators, TallySettings } from './tally-config';
import { startTallyServer, TallyServerHandle, tallySettings } from './tally-server';
import { TallyServerExtension } from './tally-server.module';

/** How the embedded broker runs: its address and the options of EmbeddedBroker.start. */
export type EmbeddedBrokerSettings = NonNullable<Parameters<typeof EmbeddedBroker.start>[2]> & { port?: number; host?: string };

export interface TallyStackOptions {
  /** An external broker; without it, an embedded one (`broker`), secured with `brokerSecret` when it is `secured`. */
  mqttUrl?: string;
  broker?: EmbeddedBrokerSettings;
  /** The broker's secret: the embedded broker's, and the server's login to it as `service-tally`. */
  brokerSecret?: string;
  /** The tally server's settings (its broker and secret are the stack's). */
  server?: Partial<Omit<TallySettings, 'mqttUrl' | 'brokerSecret'>>;
  /** The tally server's clocks (the system's by default; the broker's refusals are the stack's). */
  collaborators?: Partial<Omit<TallyCollaborators, 'brokerRefusals'>>;
  logger?: LoggerService | false;
  extension?: TallyServerExtension;
}

/**
 * A tally server with its broker — embedded (aedes in its thread or process, secured by default
 * wherever a secret is given) or external — as the `tally-server` command, a run, the fuzz, the
 * benches and the tests start one. Either half can be stopped and started again on the same
 * address and store (the faults of a scenario).
 */
export class TallyStack {
  private handle: TallyServerHandle | null = null;
  private http = '';

  private constructor(
    private readonly options: TallyStackOptions,
    private embedded: EmbeddedBroker | null,
    readonly mqttUrl: string,
  ) {}

  static async start(options: TallyStackOptions): Promise<TallyStack> {
    const broker = options.mqttUrl ? null : await TallyStack.startBroker(options, options.broker?.port ?? 0);
    const stack = new TallyStack(options, broker, options.mqttUrl ?? broker!.url);
    stack.http = (await stack.serve(options.server?.port ?? 0)).httpUrl;
    return stack;
  }

  /** The tally server's HTTP base URL (the same across its restarts). */
  get httpUrl(): string {
    return this.http;
  }

  /** The embedded broker (null for an external one). */
  get broker(): EmbeddedBroker | null {
    return this.embedded;
  }

  /** The running tally server; throws while it is stopped. */
  get server(): TallyServerHandle {
    if (!this.handle) throw new Error('the tally server is stopped');
    return this.handle;
  }

  /** The server's HTTP API, as the operator whose token the server takes (when it takes one). */
  get api(): TallyApi {
    return new TallyApi(this.httpUrl, this.options.server?.operatorToken);
  }

  async stopBroker(): Promise<void> {
    await this.embedded?.close();
  }

  /** Starts the embedded broker again on its port. */
  async startBroker(): Promise<void> {
    this.embedded = await TallyStack.startBroker(this.options, Number(new URL(this.mqttUrl).port));
  }

  async stopServer(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
  }

  /** Starts the tally server again on its port and store. */
  async startServer(): Promise<void> {
    await this.serve(Number(new URL(this.httpUrl).port));
  }

  async close(): Promise<void> {
    await this.stopServer();
    await this.stopBroker();
  }

  private async serve(port: number): Promise<TallyServerHandle> {
    const { server, collaborators, brokerSecret, logger, extension } = this.options;
    // What the broker refused so far, read from the broker running at the time (it may have been restarted).
    const brokerRefusals = this.embedded ? () => this.embedded!.refusals() : undefined;
    const settings = tallySettings({ ...server, port, mqttUrl: this.mqttUrl, brokerSecret });
    this.handle = await startTallyServer(settings, { ...collaborators, brokerRefusals, logger, extension });
    return this.handle;
  }

  private static async startBroker({ broker = {}, brokerSecret }: TallyStackOptions, port: number): Promise<EmbeddedBroker> {
    const started = await EmbeddedBroker.start(port, broker.host, broker);
    if (broker.secured && brokerSecret) started.secure(brokerSecret);
    return started;
  }
}
