import { InMemorySpanExporter, ReadableSpan } from '@opentelemetry/sdk-trace';
import { v1 } from '@shailoo/contracts';
import { SubmissionRepository } from '@shailoo/persistence';
import { InlineVerifier, ManualClock } from '@shailoo/platform';
import { ElectionRegistry, inMemoryElections } from '@shailoo/registry';
import { syntheticElection } from '@shailoo/scenario';
import { IngestService } from './ingest.service';
import { LogFollower } from './log-follower';
import { Publisher } from './publisher';
import { Quarantine } from './quarantine';
import { SubmissionStore } from './submission-store';
import { TallyRole } from './tally-config';
import { tallySettings } from './tally-server';
import { TallyMetrics } from './tally-metrics';
import { TallyService } from './tally.service';
import { tracingTo } from './tracing';

describe(IngestService.name, () => {
  const election = syntheticElection(2, 'ingest-spec', 'ingest-spec');
  const [first] = election.messages;
  let sut: IngestService;
  let store: jest.Mocked<Pick<SubmissionStore, 'save' | 'isStored'>>;
  let quarantine: jest.Mocked<Pick<Quarantine, 'add'>>;
  let publisher: jest.Mocked<Pick<Publisher, 'ack' | 'changed'>>;
  let tally: TallyService;
  let metrics: TallyMetrics;
  let withRole: (role: TallyRole) => IngestService;
  const spans = new InMemorySpanExporter();
  const tracing = tracingTo(spans, 'ingest-spec');
  afterAll(() => tracing.shutdown());

  beforeEach(async () => {
    const elections = inMemoryElections();
    const registry = new ElectionRegistry(elections);
    await registry.register(election.definition, election.devices);
    const settings = tallySettings({ mqttUrl: 'mqtt://unused' });
    const clock = new ManualClock(Date.UTC(2021, 3, 11, 15));
    metrics = new TallyMetrics();
    const submissions = { after: jest.fn().mockResolvedValue([]) } as unknown as SubmissionRepository;
    tally = new TallyService(settings, clock, registry, submissions, elections, metrics);
    store = { save: jest.fn(), isStored: jest.fn().mockResolvedValue(false) };
    quarantine = { add: jest.fn().mockResolvedValue(undefined) };
    publisher = { ack: jest.fn(), changed: jest.fn() };
    withRole = (role) =>
      new IngestService(
        registry,
        store as unknown as SubmissionStore,
        tally,
        quarantine as unknown as Quarantine,
        publisher as unknown as Publisher,
        metrics,
        new LogFollower(submissions, tally, publisher as unknown as Publisher, registry, new ManualClock()),
        clock,
        new InlineVerifier(),
        tracing.tracer,
        { role },
      );
    sut = withRole('all');
  });

  afterEach(() => spans.reset());

  const reporting = () => tally.results(election.definition.id)!.precinctsReporting;

  it('stores a verified result, acknowledges it after the store, and counts it', async () => {
    store.save.mockResolvedValue('inserted');
    expect(await sut.ingest(first.topic, first.payload)).toEqual({ status: 'accepted' });
    expect(store.save).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'result', deviceId: election.devices[0].id, sequence: 1, envelope: first.payload }),
    );
    expect(publisher.ack).toHaveBeenCalledWith(expect.objectContaining({ deviceId: election.devices[0].id, status: v1.AckStatus.ACK_STATUS_ACCEPTED }));
    expect(publisher.changed).toHaveBeenCalledTimes(1);
    expect(reporting()).toBe(1);
  });

  it('acknowledges a resend as a duplicate and leaves the tally alone', async () => {
    store.save.mockResolvedValue('duplicate');
    expect(await sut.ingest(first.topic, first.payload)).toEqual({ status: 'duplicate' });
    expect(publisher.ack).toHaveBeenCalledWith(expect.objectContaining({ status: v1.AckStatus.ACK_STATUS_DUPLICATE }));
    expect(publisher.changed).not.toHaveBeenCalled();
    expect(reporting()).toBe(0);
  });

  it('quarantines a forged message without storing it, and tells nobody (anyone can claim a device id)', async () => {
    const forged = Buffer.from(first.payload);
    forged[forged.length - 1] ^= 0xff;
    const outcome = await sut.ingest(first.topic, forged);
    expect(outcome).toMatchObject({ status: 'rejected', rejection: { reason: 'bad-signature' } });
    expect(store.save).not.toHaveBeenCalled();
    expect(quarantine.add).toHaveBeenCalledWith(first.topic, forged, expect.objectContaining({ reason: 'bad-signature' }), undefined);
    expect(publisher.ack).not.toHaveBeenCalled();
    expect(reporting()).toBe(0);
  });

  it('refuses another body under a stored sequence, and tells the device that signed it', async () => {
    store.save.mockResolvedValue('conflict');
    expect(await sut.ingest(first.topic, first.payload)).toMatchObject({ status: 'rejected', rejection: { reason: 'sequence-reused' } });
    expect(publisher.ack).toHaveBeenCalledWith(expect.objectContaining({ status: v1.AckStatus.ACK_STATUS_REJECTED }));
    expect(reporting()).toBe(0);
  });

  it('refuses a message the store found stale (a later one of its device is stored, by whichever instance), and tells the device', async () => {
    store.save.mockResolvedValue('stale');
    expect(await sut.ingest(first.topic, first.payload)).toMatchObject({
      status: 'rejected',
      rejection: { reason: 'stale-sequence', detail: expect.stringContaining('sequence 1 would never count') },
    });
    expect(publisher.ack).toHaveBeenCalledWith(expect.objectContaining({ status: v1.AckStatus.ACK_STATUS_REJECTED }));
    expect(reporting()).toBe(0);
  });

  it('on an ingest-only instance stores and acknowledges, and keeps no tally (the aggregating instances read the log)', async () => {
    store.save.mockResolvedValue('inserted');
    expect(await withRole('ingest').ingest(first.topic, first.payload)).toEqual({ status: 'accepted' });
    expect(store.save).toHaveBeenCalledTimes(1);
    expect(publisher.ack).toHaveBeenCalledWith(expect.objectContaining({ status: v1.AckStatus.ACK_STATUS_ACCEPTED }));
    expect(publisher.changed).not.toHaveBeenCalled();
    expect(reporting()).toBe(0);
  });

  /** The finished spans as trees: each root (a message) with its children's names in order. */
  const trees = () => {
    const all = spans.getFinishedSpans();
    const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;
    return all
      .filter((s) => !parentOf(s))
      .map((root) => ({
        root,
        steps: all
          .filter((c) => parentOf(c) === root.spanContext().spanId)
          .sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1])
          .map((c) => c.name),
      }));
  };

  it('traces each message as one span tree: receipt, then verify → validate → commit → tally → publish → ack, with its device and outcome', async () => {
    store.save.mockResolvedValueOnce('inserted').mockResolvedValueOnce('duplicate');
    await sut.ingest(first.topic, first.payload);
    await sut.ingest(first.topic, first.payload);
    const forged = Buffer.from(first.payload);
    forged[forged.length - 1] ^= 0xff;
    await sut.ingest(first.topic, forged);

    const [accepted, duplicate, rejected] = trees();
    expect(trees()).toHaveLength(3);
    expect(accepted.root.name).toBe('ingest result');
    expect(accepted.root.attributes).toMatchObject({
      'shailoo.device_id': election.devices[0].id,
      'shailoo.outcome': 'accepted',
      'messaging.destination.name': first.topic,
    });
    expect(accepted.steps).toEqual(['verify', 'validate', 'commit', 'tally', 'publish', 'ack']);
    expect(accepted.root.spanContext().traceId).not.toBe(duplicate.root.spanContext().traceId);
    expect(duplicate.root.attributes['shailoo.outcome']).toBe('duplicate');
    expect(duplicate.steps).toEqual(['verify', 'validate', 'commit', 'ack']);
    expect(rejected.root.attributes).toMatchObject({ 'shailoo.outcome': 'rejected', 'shailoo.rejection_reason': 'bad-signature' });
    expect(rejected.root.status.message).toBe('bad-signature');
    expect(rejected.steps).toEqual(['verify']);
  });
});
