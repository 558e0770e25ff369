import * as $protobuf from "protobufjs";
import Long = require("long");
export namespace shailoo {

    namespace v1 {

        interface IEventLogHeader {
            format?: (number|null);
            scenario?: (string|null);
            seed?: (string|null);
            elections?: (shailoo.v1.IRecordedElection[]|null);
        }

        class EventLogHeader implements IEventLogHeader {
            constructor(p?: shailoo.v1.IEventLogHeader);
            public format: number;
            public scenario: string;
            public seed: string;
            public elections: shailoo.v1.IRecordedElection[];
            public static create(properties?: shailoo.v1.IEventLogHeader): shailoo.v1.EventLogHeader;
            public static encode(m: shailoo.v1.IEventLogHeader, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shailoo.v1.EventLogHeader;
            public static fromObject(d: { [k: string]: any }): shailoo.v1.EventLogHeader;
            public static toObject(m: shailoo.v1.EventLogHeader, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IRecordedElection {
            definitionJson?: (string|null);
            devices?: (shailoo.v1.IRecordedDevice[]|null);
        }

        class RecordedElection implements IRecordedElection {
            constructor(p?: shailoo.v1.IRecordedElection);
            public definitionJson: string;
            public devices: shailoo.v1.IRecordedDevice[];
            public static create(properties?: shailoo.v1.IRecordedElection): shailoo.v1.RecordedElection;
            public static encode(m: shailoo.v1.IRecordedElection, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shailoo.v1.RecordedElection;
            public static fromObject(d: { [k: string]: any }): shailoo.v1.RecordedElection;
            public static toObject(m: shailoo.v1.RecordedElection, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IRecordedDevice {
            id?: (string|null);
            precinctId?: (string|null);
            kind?: (string|null);
            publicKey?: (Uint8Array|null);
        }

        class RecordedDevice implements IRecordedDevice {
            constructor(p?: shailoo.v1.IRecordedDevice);
            public id: string;
            public precinctId: string;
            public kind: string;
            public publicKey: Uint8Array;
            public static create(properties?: shailoo.v1.IRecordedDevice): shailoo.v1.RecordedDevice;
            public static encode(m: shailoo.v1.IRecordedDevice, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shailoo.v1.RecordedDevice;
            public static fromObject(d: { [k: string]: any }): shailoo.v1.RecordedDevice;
            public static toObject(m: shailoo.v1.RecordedDevice, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IEventLogEntry {
            atMs?: (number|Long|null);
            topic?: (string|null);
            payload?: (Uint8Array|null);
        }

        class EventLogEntry implements IEventLogEntry {
            constructor(p?: shailoo.v1.IEventLogEntry);
            public atMs: (number|Long);
            public topic: string;
            public payload: Uint8Array;
            public static create(properties?: shailoo.v1.IEventLogEntry): shailoo.v1.EventLogEntry;
            public static encode(m: shailoo.v1.IEventLogEntry, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shailoo.v1.EventLogEntry;
            public static fromObject(d: { [k: string]: any }): shailoo.v1.EventLogEntry;
            public static toObject(m: shailoo.v1.EventLogEntry, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        enum IdentificationMethod {
            IDENTIFICATION_METHOD_UNSPECIFIED = 0,
            IDENTIFICATION_METHOD_FINGERPRINT = 1,
            IDENTIFICATION_METHOD_FACE = 2
        }

        interface IIdentifyRequest {
            electionId?: (string|null);
            definitionHash?: (Uint8Array|null);
            precinctId?: (string|null);
            deviceId?: (string|null);
            sequence?: (number|null);
            pin?: (string|null);
            method?: (shailoo.v1.IdentificationMethod|null);
            identifiedAtMs?: (number|Long|null);
            offline?: (boolean|null);
        }

        class IdentifyRequest implements IIdentifyRequest {
            constructor(p?: shailoo.v1.IIdentifyRequest);
            public electionId: string;
            public definitionHash: Uint8Array;
            public precinctId: string;
            public deviceId: string;
            public sequence: number;
            public pin: string;
            public method: shailoo.v1.IdentificationMethod;
            public identifiedAtMs: (number|Long);
            public offline: boolean;
            public static create(properties?: shailoo.v1.IIdentifyRequest): shailoo.v1.IdentifyRequest;
            public static encode(m: shailoo.v1.IIdentifyRequest, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shailoo.v1.IdentifyRequest;
            public static fromObject(d: { [k: string]: any }): shailoo.v1.IdentifyRequest;
            public static toObject(m: shailoo.v1.IdentifyRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        enum IdentifyOutcome {
            IDENTIFY_OUTCOME_UNSPECIFIED = 0,
            IDENTIFY_OUTCOME_IDENTIFIED = 1,
            IDENTIFY_OUTCOME_REFUSED = 2
        }

        interface IIdentifyResponse {
            deviceId?: (string|null);
            sequence?: (number|null);
            outcome?: (shailoo.v1.IdentifyOutcome|null);
            reason?: (string|null);
            identifiedPrecinctId?: (string|null);
            identifiedAtMs?: (number|Long|null);
            doubleVote?: (boolean|null);
        }

        class IdentifyResponse implements IIdentifyResponse {
            constructor(p?: shailoo.v1.IIdentifyResponse);
            public deviceId: string;
            public sequence: number;
            public outcome: shailoo.v1.IdentifyOutcome;
            public reason: string;
            public identifiedPrecinctId: string;
            public identifiedAtMs: (number|Long);
            public doubleVote: boolean;
            public static create(properties?: shailoo.v1.IIdentifyResponse): shailoo.v1.IdentifyResponse;
            public static encode(m: shailoo.v1.IIdentifyResponse, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shailoo.v1.IdentifyResponse;
            public static fromObject(d: { [k: string]: any }): shailoo.v1.IdentifyResponse;
            public static toObject(m: shailoo.v1.IdentifyResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        enum PayloadKind {
            PAYLOAD_KIND_UNSPECIFIED = 0,
            PAYLOAD_KIND_PRECINCT_RESULT = 1,
            PAYLOAD_KIND_MANUAL_PROTOCOL = 2,
            PAYLOAD_KIND_IDENTIFICATION_REPORT = 3,
            PAYLOAD_KIND_TURNOUT_SNAPSHOT = 4,
            PAYLOAD_KIND_IDENTIFY_REQUEST = 5
        }

        interface ISignedEnvelope {
            version?: (number|null);
            kind?: (shailoo.v1.PayloadKind|null);
            deviceId?: (string|null);
            body?: (Uint8Array|null);
            signature?: (Uint8Array|null);
        }

        class SignedEnvelope implements ISignedEnvelope {
            constructor(p?: shailoo.v1.ISignedEnvelope);
            public version: number;
            public kind: shailoo.v1.PayloadKind;
            public deviceId: string;
            public body: Uint8Array;
            public signature: Uint8Array;
            public static create(properties?: shailoo.v1.ISignedEnvelope): shailoo.v1.SignedEnvelope;
            public static encode(m: shailoo.v1.ISignedEnvelope, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shailoo.v1.SignedEnvelope;
            public static fromObject(d: { [k: string]: any }): shailoo.v1.SignedEnvelope;
            public static toObject(m: shailoo.v1.SignedEnvelope, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IPayloadHeader {
            electionId?: (string|null);
            definitionHash?: (Uint8Array|null);
            precinctId?: (string|null);
            deviceId?: (string|null);
            sequence?: (number|null);
        }

        class PayloadHeader implements IPayloadHeader {
            constructor(p?: shailoo.v1.IPayloadHeader);
            public electionId: string;
            public definitionHash: Uint8Array;
            public precinctId: string;
            public deviceId: string;
            public sequence: number;
            public static create(properties?: shailoo.v1.IPayloadHeader): shailoo.v1.PayloadHeader;
            public static encode(m: shailoo.v1.IPayloadHeader, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shailoo.v1.PayloadHeader;
            public static fromObject(d: { [k: string]: any }): shailoo.v1.PayloadHeader;
            public static toObject(m: shailoo.v1.PayloadHeader, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IPartyVotes {
            partyId?: (string|null);
            votes?: (number|null);
        }

        class PartyVotes implements IPartyVotes {
            constructor(p?: shailoo.v1.IPartyVotes);
            public partyId: string;
            public votes: number;
            public static create(properties?: shailoo.v1.IPartyVotes): shailoo.v1.PartyVotes;
            public static encode(m: shailoo.v1.IPartyVotes, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shailoo.v1.PartyVotes;
            public static fromObject(d: { [k: string]: any }): shailoo.v1.PartyVotes;
            public static toObject(m: shailoo.v1.PartyVotes, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISelectionVotes {
            selectionId?: (string|null);
            votes?: (number|null);
        }

        class SelectionVotes implements ISelectionVotes {
            constructor(p?: shailoo.v1.ISelectionVotes);
            public selectionId: string;
            public votes: number;
            public static create(properties?: shailoo.v1.ISelectionVotes): shailoo.v1.SelectionVotes;
            public static encode(m: shailoo.v1.ISelectionVotes, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shailoo.v1.SelectionVotes;
            public static fromObject(d: { [k: string]: any }): shailoo.v1.SelectionVotes;
            public static toObject(m: shailoo.v1.SelectionVotes, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IContestCount {
            contestId?: (string|null);
            votes?: (shailoo.v1.ISelectionVotes[]|null);
            invalidBallots?: (number|null);
            ballotsInBox?: (number|null);
            againstAll?: (number|null);
            ballotsReceived?: (number|null);
            ballotsIssued?: (number|null);
            ballotsUnused?: (number|null);
            ballotsSpoiled?: (number|null);
            validBallots?: (number|null);
        }

        class ContestCount implements IContestCount {
            constructor(p?: shailoo.v1.IContestCount);
            public contestId: string;
            public votes: shailoo.v1.ISelectionVotes[];
            public invalidBallots: number;
            public ballotsInBox: number;
            public againstAll: number;
            public ballotsReceived: number;
            public ballotsIssued: number;
            public ballotsUnused: number;
            public ballotsSpoiled: number;
            public validBallots: number;
            public static create(properties?: shailoo.v1.IContestCount): shailoo.v1.ContestCount;
            public static encode(m: shailoo.v1.IContestCount, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shailoo.v1.ContestCount;
            public static fromObject(d: { [k: string]: any }): shailoo.v1.ContestCount;
            public static toObject(m: shailoo.v1.ContestCount, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IPrecinctResult {
            electionId?: (string|null);
            definitionHash?: (Uint8Array|null);
            precinctId?: (string|null);
            deviceId?: (string|null);
            sequence?: (number|null);
            votes?: (shailoo.v1.IPartyVotes[]|null);
            invalidBallots?: (number|null);
            ballotsInBox?: (number|null);
            closedAtMs?: (number|Long|null);
            againstAll?: (number|null);
            contests?: (shailoo.v1.IContestCount[]|null);
        }

        class PrecinctResult implements IPrecinctResult {
            constructor(p?: shailoo.v1.IPrecinctResult);
            public electionId: string;
            public definitionHash: Uint8Array;
            public precinctId: string;
            public deviceId: string;
            public sequence: number;
            public votes: shailoo.v1.IPartyVotes[];
            public invalidBallots: number;
            public ballotsInBox: number;
            public closedAtMs: (number|Long);
            public againstAll: number;
            public contests: shailoo.v1.IContestCount[];
            public static create(properties?: shailoo.v1.IPrecinctResult): shailoo.v1.PrecinctResult;
            public static encode(m: shailoo.v1.IPrecinctResult, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shailoo.v1.PrecinctResult;
            public static fromObject(d: { [k: string]: any }): shailoo.v1.PrecinctResult;
            public static toObject(m: shailoo.v1.PrecinctResult, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IManualProtocol {
            electionId?: (string|null);
            definitionHash?: (Uint8Array|null);
            precinctId?: (string|null);
            deviceId?: (string|null);
            sequence?: (number|null);
            ballotsReceived?: (number|null);
            ballotsIssued?: (number|null);
            ballotsUnused?: (number|null);
            ballotsSpoiled?: (number|null);
            ballotsInBox?: (number|null);
            validBallots?: (number|null);
            invalidBallots?: (number|null);
            votes?: (shailoo.v1.IPartyVotes[]|null);
            againstAll?: (number|null);
            boxFailed?: (boolean|null);
            signedAtMs?: (number|Long|null);
            contests?: (shailoo.v1.IContestCount[]|null);
        }

        class ManualProtocol implements IManualProtocol {
            constructor(p?: shailoo.v1.IManualProtocol);
            public electionId: string;
            public definitionHash: Uint8Array;
            public precinctId: string;
            public deviceId: string;
            public sequence: number;
            public ballotsReceived: number;
            public ballotsIssued: number;
            public ballotsUnused: number;
            public ballotsSpoiled: number;
            public ballotsInBox: number;
            public validBallots: number;
            public invalidBallots: number;
            public votes: shailoo.v1.IPartyVotes[];
            public againstAll: number;
            public boxFailed: boolean;
            public signedAtMs: (number|Long);
            public contests: shailoo.v1.IContestCount[];
            public static create(properties?: shailoo.v1.IManualProtocol): shailoo.v1.ManualProtocol;
            public static encode(m: shailoo.v1.IManualProtocol, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shailoo.v1.ManualProtocol;
            public static fromObject(d: { [k: string]: any }): shailoo.v1.ManualProtocol;
            public static toObject(m: shailoo.v1.ManualProtocol, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IRefusalCount {
            reason?: (string|null);
            count?: (number|null);
        }

        class RefusalCount implements IRefusalCount {
            constructor(p?: shailoo.v1.IRefusalCount);
            public reason: string;
            public count: number;
            public static create(properties?: shailoo.v1.IRefusalCount): shailoo.v1.RefusalCount;
            public static encode(m: shailoo.v1.IRefusalCount, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shailoo.v1.RefusalCount;
            public static fromObject(d: { [k: string]: any }): shailoo.v1.RefusalCount;
            public static toObject(m: shailoo.v1.RefusalCount, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IDoubleVote {
            voterRef?: (string|null);
            otherPrecinctId?: (string|null);
            hereAtMs?: (number|Long|null);
            thereAtMs?: (number|Long|null);
        }

        class DoubleVote implements IDoubleVote {
            constructor(p?: shailoo.v1.IDoubleVote);
            public voterRef: string;
            public otherPrecinctId: string;
            public hereAtMs: (number|Long);
            public thereAtMs: (number|Long);
            public static create(properties?: shailoo.v1.IDoubleVote): shailoo.v1.DoubleVote;
            public static encode(m: shailoo.v1.IDoubleVote, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shailoo.v1.DoubleVote;
            public static fromObject(d: { [k: string]: any }): shailoo.v1.DoubleVote;
            public static toObject(m: shailoo.v1.DoubleVote, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IIdentificationReport {
            electionId?: (string|null);
            definitionHash?: (Uint8Array|null);
            precinctId?: (string|null);
            deviceId?: (string|null);
            sequence?: (number|null);
            identifiedByFingerprint?: (number|null);
            identifiedByFace?: (number|null);
            refused?: (shailoo.v1.IRefusalCount[]|null);
            slipsPrinted?: (number|null);
            doubleVotes?: (shailoo.v1.IDoubleVote[]|null);
            closedAtMs?: (number|Long|null);
        }

        class IdentificationReport implements IIdentificationReport {
            constructor(p?: shailoo.v1.IIdentificationReport);
            public electionId: string;
            public definitionHash: Uint8Array;
            public precinctId: string;
            public deviceId: string;
            public sequence: number;
            public identifiedByFingerprint: number;
            public identifiedByFace: number;
            public refused: shailoo.v1.IRefusalCount[];
            public slipsPrinted: number;
            public doubleVotes: shailoo.v1.IDoubleVote[];
            public closedAtMs: (number|Long);
            public static create(properties?: shailoo.v1.IIdentificationReport): shailoo.v1.IdentificationReport;
            public static encode(m: shailoo.v1.IIdentificationReport, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shailoo.v1.IdentificationReport;
            public static fromObject(d: { [k: string]: any }): shailoo.v1.IdentificationReport;
            public static toObject(m: shailoo.v1.IdentificationReport, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ITurnoutSnapshot {
            electionId?: (string|null);
            definitionHash?: (Uint8Array|null);
            precinctId?: (string|null);
            deviceId?: (string|null);
            sequence?: (number|null);
            hour?: (number|null);
            voters?: (number|null);
            takenAtMs?: (number|Long|null);
        }

        class TurnoutSnapshot implements ITurnoutSnapshot {
            constructor(p?: shailoo.v1.ITurnoutSnapshot);
            public electionId: string;
            public definitionHash: Uint8Array;
            public precinctId: string;
            public deviceId: string;
            public sequence: number;
            public hour: number;
            public voters: number;
            public takenAtMs: (number|Long);
            public static create(properties?: shailoo.v1.ITurnoutSnapshot): shailoo.v1.TurnoutSnapshot;
            public static encode(m: shailoo.v1.ITurnoutSnapshot, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shailoo.v1.TurnoutSnapshot;
            public static fromObject(d: { [k: string]: any }): shailoo.v1.TurnoutSnapshot;
            public static toObject(m: shailoo.v1.TurnoutSnapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        enum AckStatus {
            ACK_STATUS_UNSPECIFIED = 0,
            ACK_STATUS_ACCEPTED = 1,
            ACK_STATUS_DUPLICATE = 2,
            ACK_STATUS_REJECTED = 3
        }

        interface IAck {
            deviceId?: (string|null);
            sequence?: (number|null);
            status?: (shailoo.v1.AckStatus|null);
            reason?: (string|null);
            bodyHash?: (Uint8Array|null);
        }

        class Ack implements IAck {
            constructor(p?: shailoo.v1.IAck);
            public deviceId: string;
            public sequence: number;
            public status: shailoo.v1.AckStatus;
            public reason: string;
            public bodyHash: Uint8Array;
            public static create(properties?: shailoo.v1.IAck): shailoo.v1.Ack;
            public static encode(m: shailoo.v1.IAck, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shailoo.v1.Ack;
            public static fromObject(d: { [k: string]: any }): shailoo.v1.Ack;
            public static toObject(m: shailoo.v1.Ack, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IPartyTotal {
            partyId?: (string|null);
            name?: (string|null);
            votes?: (number|null);
            seats?: (number|null);
        }

        class PartyTotal implements IPartyTotal {
            constructor(p?: shailoo.v1.IPartyTotal);
            public partyId: string;
            public name: string;
            public votes: number;
            public seats: number;
            public static create(properties?: shailoo.v1.IPartyTotal): shailoo.v1.PartyTotal;
            public static encode(m: shailoo.v1.IPartyTotal, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shailoo.v1.PartyTotal;
            public static fromObject(d: { [k: string]: any }): shailoo.v1.PartyTotal;
            public static toObject(m: shailoo.v1.PartyTotal, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IElectionAggregate {
            electionId?: (string|null);
            definitionHash?: (Uint8Array|null);
            precinctsReporting?: (number|null);
            precinctsTotal?: (number|null);
            registeredVoters?: (number|null);
            ballotsInBox?: (number|null);
            invalidBallots?: (number|null);
            againstAll?: (number|null);
            parties?: (shailoo.v1.IPartyTotal[]|null);
            updatedAtMs?: (number|Long|null);
            territoryId?: (string|null);
            level?: (string|null);
            finalParties?: (shailoo.v1.IPartyTotal[]|null);
            finalPrecincts?: (number|null);
        }

        class ElectionAggregate implements IElectionAggregate {
            constructor(p?: shailoo.v1.IElectionAggregate);
            public electionId: string;
            public definitionHash: Uint8Array;
            public precinctsReporting: number;
            public precinctsTotal: number;
            public registeredVoters: number;
            public ballotsInBox: number;
            public invalidBallots: number;
            public againstAll: number;
            public parties: shailoo.v1.IPartyTotal[];
            public updatedAtMs: (number|Long);
            public territoryId: string;
            public level: string;
            public finalParties: shailoo.v1.IPartyTotal[];
            public finalPrecincts: number;
            public static create(properties?: shailoo.v1.IElectionAggregate): shailoo.v1.ElectionAggregate;
            public static encode(m: shailoo.v1.IElectionAggregate, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shailoo.v1.ElectionAggregate;
            public static fromObject(d: { [k: string]: any }): shailoo.v1.ElectionAggregate;
            public static toObject(m: shailoo.v1.ElectionAggregate, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }
    }
}
