import * as $protobuf from "protobufjs";
import Long = require("long");
export namespace shailoo {

    namespace v1 {

        enum PayloadKind {
            PAYLOAD_KIND_UNSPECIFIED = 0,
            PAYLOAD_KIND_PRECINCT_RESULT = 1
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
            public static create(properties?: shailoo.v1.IPrecinctResult): shailoo.v1.PrecinctResult;
            public static encode(m: shailoo.v1.IPrecinctResult, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shailoo.v1.PrecinctResult;
            public static fromObject(d: { [k: string]: any }): shailoo.v1.PrecinctResult;
            public static toObject(m: shailoo.v1.PrecinctResult, o?: $protobuf.IConversionOptions): { [k: string]: any };
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
