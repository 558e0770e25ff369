/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars*/
"use strict";

var $protobuf = require("protobufjs/minimal");

// Common aliases
var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;

// Exported root namespace
var $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

$root.shailoo = (function() {

    /**
     * Namespace shailoo.
     * @exports shailoo
     * @namespace
     */
    var shailoo = {};

    shailoo.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof shailoo
         * @namespace
         */
        var v1 = {};

        /**
         * PayloadKind enum.
         * @name shailoo.v1.PayloadKind
         * @enum {number}
         * @property {number} PAYLOAD_KIND_UNSPECIFIED=0 PAYLOAD_KIND_UNSPECIFIED value
         * @property {number} PAYLOAD_KIND_PRECINCT_RESULT=1 PAYLOAD_KIND_PRECINCT_RESULT value
         */
        v1.PayloadKind = (function() {
            var valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "PAYLOAD_KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "PAYLOAD_KIND_PRECINCT_RESULT"] = 1;
            return values;
        })();

        v1.SignedEnvelope = (function() {

            /**
             * Properties of a SignedEnvelope.
             * @memberof shailoo.v1
             * @interface ISignedEnvelope
             * @property {number|null} [version] SignedEnvelope version
             * @property {shailoo.v1.PayloadKind|null} [kind] SignedEnvelope kind
             * @property {string|null} [deviceId] SignedEnvelope deviceId
             * @property {Uint8Array|null} [body] SignedEnvelope body
             * @property {Uint8Array|null} [signature] SignedEnvelope signature
             */

            /**
             * Constructs a new SignedEnvelope.
             * @memberof shailoo.v1
             * @classdesc Represents a SignedEnvelope.
             * @implements ISignedEnvelope
             * @constructor
             * @param {shailoo.v1.ISignedEnvelope=} [p] Properties to set
             */
            function SignedEnvelope(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * SignedEnvelope version.
             * @member {number} version
             * @memberof shailoo.v1.SignedEnvelope
             * @instance
             */
            SignedEnvelope.prototype.version = 0;

            /**
             * SignedEnvelope kind.
             * @member {shailoo.v1.PayloadKind} kind
             * @memberof shailoo.v1.SignedEnvelope
             * @instance
             */
            SignedEnvelope.prototype.kind = 0;

            /**
             * SignedEnvelope deviceId.
             * @member {string} deviceId
             * @memberof shailoo.v1.SignedEnvelope
             * @instance
             */
            SignedEnvelope.prototype.deviceId = "";

            /**
             * SignedEnvelope body.
             * @member {Uint8Array} body
             * @memberof shailoo.v1.SignedEnvelope
             * @instance
             */
            SignedEnvelope.prototype.body = $util.newBuffer([]);

            /**
             * SignedEnvelope signature.
             * @member {Uint8Array} signature
             * @memberof shailoo.v1.SignedEnvelope
             * @instance
             */
            SignedEnvelope.prototype.signature = $util.newBuffer([]);

            /**
             * Creates a new SignedEnvelope instance using the specified properties.
             * @function create
             * @memberof shailoo.v1.SignedEnvelope
             * @static
             * @param {shailoo.v1.ISignedEnvelope=} [properties] Properties to set
             * @returns {shailoo.v1.SignedEnvelope} SignedEnvelope instance
             */
            SignedEnvelope.create = function create(properties) {
                return new SignedEnvelope(properties);
            };

            /**
             * Encodes the specified SignedEnvelope message. Does not implicitly {@link shailoo.v1.SignedEnvelope.verify|verify} messages.
             * @function encode
             * @memberof shailoo.v1.SignedEnvelope
             * @static
             * @param {shailoo.v1.ISignedEnvelope} m SignedEnvelope message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignedEnvelope.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.version != null && Object.hasOwnProperty.call(m, "version"))
                    w.uint32(8).uint32(m.version);
                if (m.kind != null && Object.hasOwnProperty.call(m, "kind"))
                    w.uint32(16).int32(m.kind);
                if (m.deviceId != null && Object.hasOwnProperty.call(m, "deviceId"))
                    w.uint32(26).string(m.deviceId);
                if (m.body != null && Object.hasOwnProperty.call(m, "body"))
                    w.uint32(34).bytes(m.body);
                if (m.signature != null && Object.hasOwnProperty.call(m, "signature"))
                    w.uint32(42).bytes(m.signature);
                return w;
            };

            /**
             * Decodes a SignedEnvelope message from the specified reader or buffer.
             * @function decode
             * @memberof shailoo.v1.SignedEnvelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shailoo.v1.SignedEnvelope} SignedEnvelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignedEnvelope.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.shailoo.v1.SignedEnvelope();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.version = r.uint32();
                            break;
                        }
                    case 2: {
                            m.kind = r.int32();
                            break;
                        }
                    case 3: {
                            m.deviceId = r.string();
                            break;
                        }
                    case 4: {
                            m.body = r.bytes();
                            break;
                        }
                    case 5: {
                            m.signature = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Creates a SignedEnvelope message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shailoo.v1.SignedEnvelope
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shailoo.v1.SignedEnvelope} SignedEnvelope
             */
            SignedEnvelope.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shailoo.v1.SignedEnvelope)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shailoo.v1.SignedEnvelope: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shailoo.v1.SignedEnvelope();
                if (d.version != null) {
                    m.version = d.version >>> 0;
                }
                switch (d.kind) {
                default:
                    if (typeof d.kind === "number") {
                        m.kind = d.kind;
                        break;
                    }
                    break;
                case "PAYLOAD_KIND_UNSPECIFIED":
                case 0:
                    m.kind = 0;
                    break;
                case "PAYLOAD_KIND_PRECINCT_RESULT":
                case 1:
                    m.kind = 1;
                    break;
                }
                if (d.deviceId != null) {
                    m.deviceId = String(d.deviceId);
                }
                if (d.body != null) {
                    if (typeof d.body === "string")
                        $util.base64.decode(d.body, m.body = $util.newBuffer($util.base64.length(d.body)), 0);
                    else if (d.body.length >= 0)
                        m.body = d.body;
                }
                if (d.signature != null) {
                    if (typeof d.signature === "string")
                        $util.base64.decode(d.signature, m.signature = $util.newBuffer($util.base64.length(d.signature)), 0);
                    else if (d.signature.length >= 0)
                        m.signature = d.signature;
                }
                return m;
            };

            /**
             * Creates a plain object from a SignedEnvelope message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shailoo.v1.SignedEnvelope
             * @static
             * @param {shailoo.v1.SignedEnvelope} m SignedEnvelope
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SignedEnvelope.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.version = 0;
                    d.kind = o.enums === String ? "PAYLOAD_KIND_UNSPECIFIED" : 0;
                    d.deviceId = "";
                    if (o.bytes === String)
                        d.body = "";
                    else {
                        d.body = [];
                        if (o.bytes !== Array)
                            d.body = $util.newBuffer(d.body);
                    }
                    if (o.bytes === String)
                        d.signature = "";
                    else {
                        d.signature = [];
                        if (o.bytes !== Array)
                            d.signature = $util.newBuffer(d.signature);
                    }
                }
                if (m.version != null && Object.hasOwnProperty.call(m, "version")) {
                    d.version = m.version;
                }
                if (m.kind != null && Object.hasOwnProperty.call(m, "kind")) {
                    d.kind = o.enums === String ? $root.shailoo.v1.PayloadKind[m.kind] === undefined ? m.kind : $root.shailoo.v1.PayloadKind[m.kind] : m.kind;
                }
                if (m.deviceId != null && Object.hasOwnProperty.call(m, "deviceId")) {
                    d.deviceId = m.deviceId;
                }
                if (m.body != null && Object.hasOwnProperty.call(m, "body")) {
                    d.body = o.bytes === String ? $util.base64.encode(m.body, 0, m.body.length) : o.bytes === Array ? Array.prototype.slice.call(m.body) : m.body;
                }
                if (m.signature != null && Object.hasOwnProperty.call(m, "signature")) {
                    d.signature = o.bytes === String ? $util.base64.encode(m.signature, 0, m.signature.length) : o.bytes === Array ? Array.prototype.slice.call(m.signature) : m.signature;
                }
                return d;
            };

            /**
             * Converts this SignedEnvelope to JSON.
             * @function toJSON
             * @memberof shailoo.v1.SignedEnvelope
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SignedEnvelope.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for SignedEnvelope
             * @function getTypeUrl
             * @memberof shailoo.v1.SignedEnvelope
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            SignedEnvelope.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shailoo.v1.SignedEnvelope";
            };

            return SignedEnvelope;
        })();

        v1.PartyVotes = (function() {

            /**
             * Properties of a PartyVotes.
             * @memberof shailoo.v1
             * @interface IPartyVotes
             * @property {string|null} [partyId] PartyVotes partyId
             * @property {number|null} [votes] PartyVotes votes
             */

            /**
             * Constructs a new PartyVotes.
             * @memberof shailoo.v1
             * @classdesc Represents a PartyVotes.
             * @implements IPartyVotes
             * @constructor
             * @param {shailoo.v1.IPartyVotes=} [p] Properties to set
             */
            function PartyVotes(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * PartyVotes partyId.
             * @member {string} partyId
             * @memberof shailoo.v1.PartyVotes
             * @instance
             */
            PartyVotes.prototype.partyId = "";

            /**
             * PartyVotes votes.
             * @member {number} votes
             * @memberof shailoo.v1.PartyVotes
             * @instance
             */
            PartyVotes.prototype.votes = 0;

            /**
             * Creates a new PartyVotes instance using the specified properties.
             * @function create
             * @memberof shailoo.v1.PartyVotes
             * @static
             * @param {shailoo.v1.IPartyVotes=} [properties] Properties to set
             * @returns {shailoo.v1.PartyVotes} PartyVotes instance
             */
            PartyVotes.create = function create(properties) {
                return new PartyVotes(properties);
            };

            /**
             * Encodes the specified PartyVotes message. Does not implicitly {@link shailoo.v1.PartyVotes.verify|verify} messages.
             * @function encode
             * @memberof shailoo.v1.PartyVotes
             * @static
             * @param {shailoo.v1.IPartyVotes} m PartyVotes message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PartyVotes.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.partyId != null && Object.hasOwnProperty.call(m, "partyId"))
                    w.uint32(10).string(m.partyId);
                if (m.votes != null && Object.hasOwnProperty.call(m, "votes"))
                    w.uint32(16).uint32(m.votes);
                return w;
            };

            /**
             * Decodes a PartyVotes message from the specified reader or buffer.
             * @function decode
             * @memberof shailoo.v1.PartyVotes
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shailoo.v1.PartyVotes} PartyVotes
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PartyVotes.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.shailoo.v1.PartyVotes();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.partyId = r.string();
                            break;
                        }
                    case 2: {
                            m.votes = r.uint32();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Creates a PartyVotes message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shailoo.v1.PartyVotes
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shailoo.v1.PartyVotes} PartyVotes
             */
            PartyVotes.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shailoo.v1.PartyVotes)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shailoo.v1.PartyVotes: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shailoo.v1.PartyVotes();
                if (d.partyId != null) {
                    m.partyId = String(d.partyId);
                }
                if (d.votes != null) {
                    m.votes = d.votes >>> 0;
                }
                return m;
            };

            /**
             * Creates a plain object from a PartyVotes message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shailoo.v1.PartyVotes
             * @static
             * @param {shailoo.v1.PartyVotes} m PartyVotes
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PartyVotes.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.partyId = "";
                    d.votes = 0;
                }
                if (m.partyId != null && Object.hasOwnProperty.call(m, "partyId")) {
                    d.partyId = m.partyId;
                }
                if (m.votes != null && Object.hasOwnProperty.call(m, "votes")) {
                    d.votes = m.votes;
                }
                return d;
            };

            /**
             * Converts this PartyVotes to JSON.
             * @function toJSON
             * @memberof shailoo.v1.PartyVotes
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PartyVotes.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for PartyVotes
             * @function getTypeUrl
             * @memberof shailoo.v1.PartyVotes
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            PartyVotes.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shailoo.v1.PartyVotes";
            };

            return PartyVotes;
        })();

        v1.PrecinctResult = (function() {

            /**
             * Properties of a PrecinctResult.
             * @memberof shailoo.v1
             * @interface IPrecinctResult
             * @property {string|null} [electionId] PrecinctResult electionId
             * @property {Uint8Array|null} [definitionHash] PrecinctResult definitionHash
             * @property {string|null} [precinctId] PrecinctResult precinctId
             * @property {string|null} [deviceId] PrecinctResult deviceId
             * @property {number|null} [sequence] PrecinctResult sequence
             * @property {Array.<shailoo.v1.IPartyVotes>|null} [votes] PrecinctResult votes
             * @property {number|null} [invalidBallots] PrecinctResult invalidBallots
             * @property {number|null} [ballotsInBox] PrecinctResult ballotsInBox
             * @property {number|Long|null} [closedAtMs] PrecinctResult closedAtMs
             * @property {number|null} [againstAll] PrecinctResult againstAll
             */

            /**
             * Constructs a new PrecinctResult.
             * @memberof shailoo.v1
             * @classdesc Represents a PrecinctResult.
             * @implements IPrecinctResult
             * @constructor
             * @param {shailoo.v1.IPrecinctResult=} [p] Properties to set
             */
            function PrecinctResult(p) {
                this.votes = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * PrecinctResult electionId.
             * @member {string} electionId
             * @memberof shailoo.v1.PrecinctResult
             * @instance
             */
            PrecinctResult.prototype.electionId = "";

            /**
             * PrecinctResult definitionHash.
             * @member {Uint8Array} definitionHash
             * @memberof shailoo.v1.PrecinctResult
             * @instance
             */
            PrecinctResult.prototype.definitionHash = $util.newBuffer([]);

            /**
             * PrecinctResult precinctId.
             * @member {string} precinctId
             * @memberof shailoo.v1.PrecinctResult
             * @instance
             */
            PrecinctResult.prototype.precinctId = "";

            /**
             * PrecinctResult deviceId.
             * @member {string} deviceId
             * @memberof shailoo.v1.PrecinctResult
             * @instance
             */
            PrecinctResult.prototype.deviceId = "";

            /**
             * PrecinctResult sequence.
             * @member {number} sequence
             * @memberof shailoo.v1.PrecinctResult
             * @instance
             */
            PrecinctResult.prototype.sequence = 0;

            /**
             * PrecinctResult votes.
             * @member {Array.<shailoo.v1.IPartyVotes>} votes
             * @memberof shailoo.v1.PrecinctResult
             * @instance
             */
            PrecinctResult.prototype.votes = $util.emptyArray;

            /**
             * PrecinctResult invalidBallots.
             * @member {number} invalidBallots
             * @memberof shailoo.v1.PrecinctResult
             * @instance
             */
            PrecinctResult.prototype.invalidBallots = 0;

            /**
             * PrecinctResult ballotsInBox.
             * @member {number} ballotsInBox
             * @memberof shailoo.v1.PrecinctResult
             * @instance
             */
            PrecinctResult.prototype.ballotsInBox = 0;

            /**
             * PrecinctResult closedAtMs.
             * @member {number|Long} closedAtMs
             * @memberof shailoo.v1.PrecinctResult
             * @instance
             */
            PrecinctResult.prototype.closedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * PrecinctResult againstAll.
             * @member {number} againstAll
             * @memberof shailoo.v1.PrecinctResult
             * @instance
             */
            PrecinctResult.prototype.againstAll = 0;

            /**
             * Creates a new PrecinctResult instance using the specified properties.
             * @function create
             * @memberof shailoo.v1.PrecinctResult
             * @static
             * @param {shailoo.v1.IPrecinctResult=} [properties] Properties to set
             * @returns {shailoo.v1.PrecinctResult} PrecinctResult instance
             */
            PrecinctResult.create = function create(properties) {
                return new PrecinctResult(properties);
            };

            /**
             * Encodes the specified PrecinctResult message. Does not implicitly {@link shailoo.v1.PrecinctResult.verify|verify} messages.
             * @function encode
             * @memberof shailoo.v1.PrecinctResult
             * @static
             * @param {shailoo.v1.IPrecinctResult} m PrecinctResult message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PrecinctResult.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.electionId != null && Object.hasOwnProperty.call(m, "electionId"))
                    w.uint32(10).string(m.electionId);
                if (m.definitionHash != null && Object.hasOwnProperty.call(m, "definitionHash"))
                    w.uint32(18).bytes(m.definitionHash);
                if (m.precinctId != null && Object.hasOwnProperty.call(m, "precinctId"))
                    w.uint32(26).string(m.precinctId);
                if (m.deviceId != null && Object.hasOwnProperty.call(m, "deviceId"))
                    w.uint32(34).string(m.deviceId);
                if (m.sequence != null && Object.hasOwnProperty.call(m, "sequence"))
                    w.uint32(40).uint32(m.sequence);
                if (m.votes != null && m.votes.length) {
                    for (var i = 0; i < m.votes.length; ++i)
                        $root.shailoo.v1.PartyVotes.encode(m.votes[i], w.uint32(50).fork(), q + 1).ldelim();
                }
                if (m.invalidBallots != null && Object.hasOwnProperty.call(m, "invalidBallots"))
                    w.uint32(56).uint32(m.invalidBallots);
                if (m.ballotsInBox != null && Object.hasOwnProperty.call(m, "ballotsInBox"))
                    w.uint32(64).uint32(m.ballotsInBox);
                if (m.closedAtMs != null && Object.hasOwnProperty.call(m, "closedAtMs"))
                    w.uint32(72).int64(m.closedAtMs);
                if (m.againstAll != null && Object.hasOwnProperty.call(m, "againstAll"))
                    w.uint32(80).uint32(m.againstAll);
                return w;
            };

            /**
             * Decodes a PrecinctResult message from the specified reader or buffer.
             * @function decode
             * @memberof shailoo.v1.PrecinctResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shailoo.v1.PrecinctResult} PrecinctResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PrecinctResult.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.shailoo.v1.PrecinctResult();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.electionId = r.string();
                            break;
                        }
                    case 2: {
                            m.definitionHash = r.bytes();
                            break;
                        }
                    case 3: {
                            m.precinctId = r.string();
                            break;
                        }
                    case 4: {
                            m.deviceId = r.string();
                            break;
                        }
                    case 5: {
                            m.sequence = r.uint32();
                            break;
                        }
                    case 6: {
                            if (!(m.votes && m.votes.length))
                                m.votes = [];
                            m.votes.push($root.shailoo.v1.PartyVotes.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    case 7: {
                            m.invalidBallots = r.uint32();
                            break;
                        }
                    case 8: {
                            m.ballotsInBox = r.uint32();
                            break;
                        }
                    case 9: {
                            m.closedAtMs = r.int64();
                            break;
                        }
                    case 10: {
                            m.againstAll = r.uint32();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Creates a PrecinctResult message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shailoo.v1.PrecinctResult
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shailoo.v1.PrecinctResult} PrecinctResult
             */
            PrecinctResult.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shailoo.v1.PrecinctResult)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shailoo.v1.PrecinctResult: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shailoo.v1.PrecinctResult();
                if (d.electionId != null) {
                    m.electionId = String(d.electionId);
                }
                if (d.definitionHash != null) {
                    if (typeof d.definitionHash === "string")
                        $util.base64.decode(d.definitionHash, m.definitionHash = $util.newBuffer($util.base64.length(d.definitionHash)), 0);
                    else if (d.definitionHash.length >= 0)
                        m.definitionHash = d.definitionHash;
                }
                if (d.precinctId != null) {
                    m.precinctId = String(d.precinctId);
                }
                if (d.deviceId != null) {
                    m.deviceId = String(d.deviceId);
                }
                if (d.sequence != null) {
                    m.sequence = d.sequence >>> 0;
                }
                if (d.votes) {
                    if (!Array.isArray(d.votes))
                        throw TypeError(".shailoo.v1.PrecinctResult.votes: array expected");
                    m.votes = [];
                    for (var i = 0; i < d.votes.length; ++i) {
                        if (!$util.isObject(d.votes[i]))
                            throw TypeError(".shailoo.v1.PrecinctResult.votes: object expected");
                        m.votes[i] = $root.shailoo.v1.PartyVotes.fromObject(d.votes[i], n + 1);
                    }
                }
                if (d.invalidBallots != null) {
                    m.invalidBallots = d.invalidBallots >>> 0;
                }
                if (d.ballotsInBox != null) {
                    m.ballotsInBox = d.ballotsInBox >>> 0;
                }
                if (d.closedAtMs != null) {
                    if ($util.Long)
                        m.closedAtMs = $util.Long.fromValue(d.closedAtMs, false);
                    else if (typeof d.closedAtMs === "string")
                        m.closedAtMs = parseInt(d.closedAtMs, 10);
                    else if (typeof d.closedAtMs === "number")
                        m.closedAtMs = d.closedAtMs;
                    else if (typeof d.closedAtMs === "object")
                        m.closedAtMs = new $util.LongBits(d.closedAtMs.low >>> 0, d.closedAtMs.high >>> 0).toNumber();
                }
                if (d.againstAll != null) {
                    m.againstAll = d.againstAll >>> 0;
                }
                return m;
            };

            /**
             * Creates a plain object from a PrecinctResult message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shailoo.v1.PrecinctResult
             * @static
             * @param {shailoo.v1.PrecinctResult} m PrecinctResult
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PrecinctResult.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.votes = [];
                }
                if (o.defaults) {
                    d.electionId = "";
                    if (o.bytes === String)
                        d.definitionHash = "";
                    else {
                        d.definitionHash = [];
                        if (o.bytes !== Array)
                            d.definitionHash = $util.newBuffer(d.definitionHash);
                    }
                    d.precinctId = "";
                    d.deviceId = "";
                    d.sequence = 0;
                    d.invalidBallots = 0;
                    d.ballotsInBox = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.closedAtMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                    } else
                        d.closedAtMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    d.againstAll = 0;
                }
                if (m.electionId != null && Object.hasOwnProperty.call(m, "electionId")) {
                    d.electionId = m.electionId;
                }
                if (m.definitionHash != null && Object.hasOwnProperty.call(m, "definitionHash")) {
                    d.definitionHash = o.bytes === String ? $util.base64.encode(m.definitionHash, 0, m.definitionHash.length) : o.bytes === Array ? Array.prototype.slice.call(m.definitionHash) : m.definitionHash;
                }
                if (m.precinctId != null && Object.hasOwnProperty.call(m, "precinctId")) {
                    d.precinctId = m.precinctId;
                }
                if (m.deviceId != null && Object.hasOwnProperty.call(m, "deviceId")) {
                    d.deviceId = m.deviceId;
                }
                if (m.sequence != null && Object.hasOwnProperty.call(m, "sequence")) {
                    d.sequence = m.sequence;
                }
                if (m.votes && m.votes.length) {
                    d.votes = [];
                    for (var j = 0; j < m.votes.length; ++j) {
                        d.votes[j] = $root.shailoo.v1.PartyVotes.toObject(m.votes[j], o, q + 1);
                    }
                }
                if (m.invalidBallots != null && Object.hasOwnProperty.call(m, "invalidBallots")) {
                    d.invalidBallots = m.invalidBallots;
                }
                if (m.ballotsInBox != null && Object.hasOwnProperty.call(m, "ballotsInBox")) {
                    d.ballotsInBox = m.ballotsInBox;
                }
                if (m.closedAtMs != null && Object.hasOwnProperty.call(m, "closedAtMs")) {
                    if (typeof BigInt !== "undefined" && o.longs === BigInt)
                        d.closedAtMs = typeof m.closedAtMs === "number" ? BigInt(m.closedAtMs) : $util.Long.fromBits(m.closedAtMs.low >>> 0, m.closedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.closedAtMs === "number")
                        d.closedAtMs = o.longs === String ? String(m.closedAtMs) : m.closedAtMs;
                    else
                        d.closedAtMs = o.longs === String ? $util.Long.prototype.toString.call(m.closedAtMs) : o.longs === Number ? new $util.LongBits(m.closedAtMs.low >>> 0, m.closedAtMs.high >>> 0).toNumber() : m.closedAtMs;
                }
                if (m.againstAll != null && Object.hasOwnProperty.call(m, "againstAll")) {
                    d.againstAll = m.againstAll;
                }
                return d;
            };

            /**
             * Converts this PrecinctResult to JSON.
             * @function toJSON
             * @memberof shailoo.v1.PrecinctResult
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PrecinctResult.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for PrecinctResult
             * @function getTypeUrl
             * @memberof shailoo.v1.PrecinctResult
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            PrecinctResult.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shailoo.v1.PrecinctResult";
            };

            return PrecinctResult;
        })();

        /**
         * AckStatus enum.
         * @name shailoo.v1.AckStatus
         * @enum {number}
         * @property {number} ACK_STATUS_UNSPECIFIED=0 ACK_STATUS_UNSPECIFIED value
         * @property {number} ACK_STATUS_ACCEPTED=1 ACK_STATUS_ACCEPTED value
         * @property {number} ACK_STATUS_DUPLICATE=2 ACK_STATUS_DUPLICATE value
         * @property {number} ACK_STATUS_REJECTED=3 ACK_STATUS_REJECTED value
         */
        v1.AckStatus = (function() {
            var valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "ACK_STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "ACK_STATUS_ACCEPTED"] = 1;
            values[valuesById[2] = "ACK_STATUS_DUPLICATE"] = 2;
            values[valuesById[3] = "ACK_STATUS_REJECTED"] = 3;
            return values;
        })();

        v1.Ack = (function() {

            /**
             * Properties of an Ack.
             * @memberof shailoo.v1
             * @interface IAck
             * @property {string|null} [deviceId] Ack deviceId
             * @property {number|null} [sequence] Ack sequence
             * @property {shailoo.v1.AckStatus|null} [status] Ack status
             * @property {string|null} [reason] Ack reason
             * @property {Uint8Array|null} [bodyHash] Ack bodyHash
             */

            /**
             * Constructs a new Ack.
             * @memberof shailoo.v1
             * @classdesc Represents an Ack.
             * @implements IAck
             * @constructor
             * @param {shailoo.v1.IAck=} [p] Properties to set
             */
            function Ack(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Ack deviceId.
             * @member {string} deviceId
             * @memberof shailoo.v1.Ack
             * @instance
             */
            Ack.prototype.deviceId = "";

            /**
             * Ack sequence.
             * @member {number} sequence
             * @memberof shailoo.v1.Ack
             * @instance
             */
            Ack.prototype.sequence = 0;

            /**
             * Ack status.
             * @member {shailoo.v1.AckStatus} status
             * @memberof shailoo.v1.Ack
             * @instance
             */
            Ack.prototype.status = 0;

            /**
             * Ack reason.
             * @member {string} reason
             * @memberof shailoo.v1.Ack
             * @instance
             */
            Ack.prototype.reason = "";

            /**
             * Ack bodyHash.
             * @member {Uint8Array} bodyHash
             * @memberof shailoo.v1.Ack
             * @instance
             */
            Ack.prototype.bodyHash = $util.newBuffer([]);

            /**
             * Creates a new Ack instance using the specified properties.
             * @function create
             * @memberof shailoo.v1.Ack
             * @static
             * @param {shailoo.v1.IAck=} [properties] Properties to set
             * @returns {shailoo.v1.Ack} Ack instance
             */
            Ack.create = function create(properties) {
                return new Ack(properties);
            };

            /**
             * Encodes the specified Ack message. Does not implicitly {@link shailoo.v1.Ack.verify|verify} messages.
             * @function encode
             * @memberof shailoo.v1.Ack
             * @static
             * @param {shailoo.v1.IAck} m Ack message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ack.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.deviceId != null && Object.hasOwnProperty.call(m, "deviceId"))
                    w.uint32(10).string(m.deviceId);
                if (m.sequence != null && Object.hasOwnProperty.call(m, "sequence"))
                    w.uint32(16).uint32(m.sequence);
                if (m.status != null && Object.hasOwnProperty.call(m, "status"))
                    w.uint32(24).int32(m.status);
                if (m.reason != null && Object.hasOwnProperty.call(m, "reason"))
                    w.uint32(34).string(m.reason);
                if (m.bodyHash != null && Object.hasOwnProperty.call(m, "bodyHash"))
                    w.uint32(42).bytes(m.bodyHash);
                return w;
            };

            /**
             * Decodes an Ack message from the specified reader or buffer.
             * @function decode
             * @memberof shailoo.v1.Ack
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shailoo.v1.Ack} Ack
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ack.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.shailoo.v1.Ack();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.deviceId = r.string();
                            break;
                        }
                    case 2: {
                            m.sequence = r.uint32();
                            break;
                        }
                    case 3: {
                            m.status = r.int32();
                            break;
                        }
                    case 4: {
                            m.reason = r.string();
                            break;
                        }
                    case 5: {
                            m.bodyHash = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Creates an Ack message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shailoo.v1.Ack
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shailoo.v1.Ack} Ack
             */
            Ack.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shailoo.v1.Ack)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shailoo.v1.Ack: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shailoo.v1.Ack();
                if (d.deviceId != null) {
                    m.deviceId = String(d.deviceId);
                }
                if (d.sequence != null) {
                    m.sequence = d.sequence >>> 0;
                }
                switch (d.status) {
                default:
                    if (typeof d.status === "number") {
                        m.status = d.status;
                        break;
                    }
                    break;
                case "ACK_STATUS_UNSPECIFIED":
                case 0:
                    m.status = 0;
                    break;
                case "ACK_STATUS_ACCEPTED":
                case 1:
                    m.status = 1;
                    break;
                case "ACK_STATUS_DUPLICATE":
                case 2:
                    m.status = 2;
                    break;
                case "ACK_STATUS_REJECTED":
                case 3:
                    m.status = 3;
                    break;
                }
                if (d.reason != null) {
                    m.reason = String(d.reason);
                }
                if (d.bodyHash != null) {
                    if (typeof d.bodyHash === "string")
                        $util.base64.decode(d.bodyHash, m.bodyHash = $util.newBuffer($util.base64.length(d.bodyHash)), 0);
                    else if (d.bodyHash.length >= 0)
                        m.bodyHash = d.bodyHash;
                }
                return m;
            };

            /**
             * Creates a plain object from an Ack message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shailoo.v1.Ack
             * @static
             * @param {shailoo.v1.Ack} m Ack
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Ack.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.deviceId = "";
                    d.sequence = 0;
                    d.status = o.enums === String ? "ACK_STATUS_UNSPECIFIED" : 0;
                    d.reason = "";
                    if (o.bytes === String)
                        d.bodyHash = "";
                    else {
                        d.bodyHash = [];
                        if (o.bytes !== Array)
                            d.bodyHash = $util.newBuffer(d.bodyHash);
                    }
                }
                if (m.deviceId != null && Object.hasOwnProperty.call(m, "deviceId")) {
                    d.deviceId = m.deviceId;
                }
                if (m.sequence != null && Object.hasOwnProperty.call(m, "sequence")) {
                    d.sequence = m.sequence;
                }
                if (m.status != null && Object.hasOwnProperty.call(m, "status")) {
                    d.status = o.enums === String ? $root.shailoo.v1.AckStatus[m.status] === undefined ? m.status : $root.shailoo.v1.AckStatus[m.status] : m.status;
                }
                if (m.reason != null && Object.hasOwnProperty.call(m, "reason")) {
                    d.reason = m.reason;
                }
                if (m.bodyHash != null && Object.hasOwnProperty.call(m, "bodyHash")) {
                    d.bodyHash = o.bytes === String ? $util.base64.encode(m.bodyHash, 0, m.bodyHash.length) : o.bytes === Array ? Array.prototype.slice.call(m.bodyHash) : m.bodyHash;
                }
                return d;
            };

            /**
             * Converts this Ack to JSON.
             * @function toJSON
             * @memberof shailoo.v1.Ack
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Ack.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for Ack
             * @function getTypeUrl
             * @memberof shailoo.v1.Ack
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Ack.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shailoo.v1.Ack";
            };

            return Ack;
        })();

        v1.PartyTotal = (function() {

            /**
             * Properties of a PartyTotal.
             * @memberof shailoo.v1
             * @interface IPartyTotal
             * @property {string|null} [partyId] PartyTotal partyId
             * @property {string|null} [name] PartyTotal name
             * @property {number|null} [votes] PartyTotal votes
             * @property {number|null} [seats] PartyTotal seats
             */

            /**
             * Constructs a new PartyTotal.
             * @memberof shailoo.v1
             * @classdesc Represents a PartyTotal.
             * @implements IPartyTotal
             * @constructor
             * @param {shailoo.v1.IPartyTotal=} [p] Properties to set
             */
            function PartyTotal(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * PartyTotal partyId.
             * @member {string} partyId
             * @memberof shailoo.v1.PartyTotal
             * @instance
             */
            PartyTotal.prototype.partyId = "";

            /**
             * PartyTotal name.
             * @member {string} name
             * @memberof shailoo.v1.PartyTotal
             * @instance
             */
            PartyTotal.prototype.name = "";

            /**
             * PartyTotal votes.
             * @member {number} votes
             * @memberof shailoo.v1.PartyTotal
             * @instance
             */
            PartyTotal.prototype.votes = 0;

            /**
             * PartyTotal seats.
             * @member {number} seats
             * @memberof shailoo.v1.PartyTotal
             * @instance
             */
            PartyTotal.prototype.seats = 0;

            /**
             * Creates a new PartyTotal instance using the specified properties.
             * @function create
             * @memberof shailoo.v1.PartyTotal
             * @static
             * @param {shailoo.v1.IPartyTotal=} [properties] Properties to set
             * @returns {shailoo.v1.PartyTotal} PartyTotal instance
             */
            PartyTotal.create = function create(properties) {
                return new PartyTotal(properties);
            };

            /**
             * Encodes the specified PartyTotal message. Does not implicitly {@link shailoo.v1.PartyTotal.verify|verify} messages.
             * @function encode
             * @memberof shailoo.v1.PartyTotal
             * @static
             * @param {shailoo.v1.IPartyTotal} m PartyTotal message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PartyTotal.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.partyId != null && Object.hasOwnProperty.call(m, "partyId"))
                    w.uint32(10).string(m.partyId);
                if (m.name != null && Object.hasOwnProperty.call(m, "name"))
                    w.uint32(18).string(m.name);
                if (m.votes != null && Object.hasOwnProperty.call(m, "votes"))
                    w.uint32(24).uint32(m.votes);
                if (m.seats != null && Object.hasOwnProperty.call(m, "seats"))
                    w.uint32(32).uint32(m.seats);
                return w;
            };

            /**
             * Decodes a PartyTotal message from the specified reader or buffer.
             * @function decode
             * @memberof shailoo.v1.PartyTotal
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shailoo.v1.PartyTotal} PartyTotal
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PartyTotal.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.shailoo.v1.PartyTotal();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.partyId = r.string();
                            break;
                        }
                    case 2: {
                            m.name = r.string();
                            break;
                        }
                    case 3: {
                            m.votes = r.uint32();
                            break;
                        }
                    case 4: {
                            m.seats = r.uint32();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Creates a PartyTotal message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shailoo.v1.PartyTotal
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shailoo.v1.PartyTotal} PartyTotal
             */
            PartyTotal.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shailoo.v1.PartyTotal)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shailoo.v1.PartyTotal: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shailoo.v1.PartyTotal();
                if (d.partyId != null) {
                    m.partyId = String(d.partyId);
                }
                if (d.name != null) {
                    m.name = String(d.name);
                }
                if (d.votes != null) {
                    m.votes = d.votes >>> 0;
                }
                if (d.seats != null) {
                    m.seats = d.seats >>> 0;
                }
                return m;
            };

            /**
             * Creates a plain object from a PartyTotal message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shailoo.v1.PartyTotal
             * @static
             * @param {shailoo.v1.PartyTotal} m PartyTotal
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PartyTotal.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.partyId = "";
                    d.name = "";
                    d.votes = 0;
                    d.seats = 0;
                }
                if (m.partyId != null && Object.hasOwnProperty.call(m, "partyId")) {
                    d.partyId = m.partyId;
                }
                if (m.name != null && Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.votes != null && Object.hasOwnProperty.call(m, "votes")) {
                    d.votes = m.votes;
                }
                if (m.seats != null && Object.hasOwnProperty.call(m, "seats")) {
                    d.seats = m.seats;
                }
                return d;
            };

            /**
             * Converts this PartyTotal to JSON.
             * @function toJSON
             * @memberof shailoo.v1.PartyTotal
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PartyTotal.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for PartyTotal
             * @function getTypeUrl
             * @memberof shailoo.v1.PartyTotal
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            PartyTotal.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shailoo.v1.PartyTotal";
            };

            return PartyTotal;
        })();

        v1.ElectionAggregate = (function() {

            /**
             * Properties of an ElectionAggregate.
             * @memberof shailoo.v1
             * @interface IElectionAggregate
             * @property {string|null} [electionId] ElectionAggregate electionId
             * @property {Uint8Array|null} [definitionHash] ElectionAggregate definitionHash
             * @property {number|null} [precinctsReporting] ElectionAggregate precinctsReporting
             * @property {number|null} [precinctsTotal] ElectionAggregate precinctsTotal
             * @property {number|null} [registeredVoters] ElectionAggregate registeredVoters
             * @property {number|null} [ballotsInBox] ElectionAggregate ballotsInBox
             * @property {number|null} [invalidBallots] ElectionAggregate invalidBallots
             * @property {number|null} [againstAll] ElectionAggregate againstAll
             * @property {Array.<shailoo.v1.IPartyTotal>|null} [parties] ElectionAggregate parties
             * @property {number|Long|null} [updatedAtMs] ElectionAggregate updatedAtMs
             */

            /**
             * Constructs a new ElectionAggregate.
             * @memberof shailoo.v1
             * @classdesc Represents an ElectionAggregate.
             * @implements IElectionAggregate
             * @constructor
             * @param {shailoo.v1.IElectionAggregate=} [p] Properties to set
             */
            function ElectionAggregate(p) {
                this.parties = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * ElectionAggregate electionId.
             * @member {string} electionId
             * @memberof shailoo.v1.ElectionAggregate
             * @instance
             */
            ElectionAggregate.prototype.electionId = "";

            /**
             * ElectionAggregate definitionHash.
             * @member {Uint8Array} definitionHash
             * @memberof shailoo.v1.ElectionAggregate
             * @instance
             */
            ElectionAggregate.prototype.definitionHash = $util.newBuffer([]);

            /**
             * ElectionAggregate precinctsReporting.
             * @member {number} precinctsReporting
             * @memberof shailoo.v1.ElectionAggregate
             * @instance
             */
            ElectionAggregate.prototype.precinctsReporting = 0;

            /**
             * ElectionAggregate precinctsTotal.
             * @member {number} precinctsTotal
             * @memberof shailoo.v1.ElectionAggregate
             * @instance
             */
            ElectionAggregate.prototype.precinctsTotal = 0;

            /**
             * ElectionAggregate registeredVoters.
             * @member {number} registeredVoters
             * @memberof shailoo.v1.ElectionAggregate
             * @instance
             */
            ElectionAggregate.prototype.registeredVoters = 0;

            /**
             * ElectionAggregate ballotsInBox.
             * @member {number} ballotsInBox
             * @memberof shailoo.v1.ElectionAggregate
             * @instance
             */
            ElectionAggregate.prototype.ballotsInBox = 0;

            /**
             * ElectionAggregate invalidBallots.
             * @member {number} invalidBallots
             * @memberof shailoo.v1.ElectionAggregate
             * @instance
             */
            ElectionAggregate.prototype.invalidBallots = 0;

            /**
             * ElectionAggregate againstAll.
             * @member {number} againstAll
             * @memberof shailoo.v1.ElectionAggregate
             * @instance
             */
            ElectionAggregate.prototype.againstAll = 0;

            /**
             * ElectionAggregate parties.
             * @member {Array.<shailoo.v1.IPartyTotal>} parties
             * @memberof shailoo.v1.ElectionAggregate
             * @instance
             */
            ElectionAggregate.prototype.parties = $util.emptyArray;

            /**
             * ElectionAggregate updatedAtMs.
             * @member {number|Long} updatedAtMs
             * @memberof shailoo.v1.ElectionAggregate
             * @instance
             */
            ElectionAggregate.prototype.updatedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new ElectionAggregate instance using the specified properties.
             * @function create
             * @memberof shailoo.v1.ElectionAggregate
             * @static
             * @param {shailoo.v1.IElectionAggregate=} [properties] Properties to set
             * @returns {shailoo.v1.ElectionAggregate} ElectionAggregate instance
             */
            ElectionAggregate.create = function create(properties) {
                return new ElectionAggregate(properties);
            };

            /**
             * Encodes the specified ElectionAggregate message. Does not implicitly {@link shailoo.v1.ElectionAggregate.verify|verify} messages.
             * @function encode
             * @memberof shailoo.v1.ElectionAggregate
             * @static
             * @param {shailoo.v1.IElectionAggregate} m ElectionAggregate message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ElectionAggregate.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.electionId != null && Object.hasOwnProperty.call(m, "electionId"))
                    w.uint32(10).string(m.electionId);
                if (m.definitionHash != null && Object.hasOwnProperty.call(m, "definitionHash"))
                    w.uint32(18).bytes(m.definitionHash);
                if (m.precinctsReporting != null && Object.hasOwnProperty.call(m, "precinctsReporting"))
                    w.uint32(24).uint32(m.precinctsReporting);
                if (m.precinctsTotal != null && Object.hasOwnProperty.call(m, "precinctsTotal"))
                    w.uint32(32).uint32(m.precinctsTotal);
                if (m.registeredVoters != null && Object.hasOwnProperty.call(m, "registeredVoters"))
                    w.uint32(40).uint32(m.registeredVoters);
                if (m.ballotsInBox != null && Object.hasOwnProperty.call(m, "ballotsInBox"))
                    w.uint32(48).uint32(m.ballotsInBox);
                if (m.invalidBallots != null && Object.hasOwnProperty.call(m, "invalidBallots"))
                    w.uint32(56).uint32(m.invalidBallots);
                if (m.againstAll != null && Object.hasOwnProperty.call(m, "againstAll"))
                    w.uint32(64).uint32(m.againstAll);
                if (m.parties != null && m.parties.length) {
                    for (var i = 0; i < m.parties.length; ++i)
                        $root.shailoo.v1.PartyTotal.encode(m.parties[i], w.uint32(74).fork(), q + 1).ldelim();
                }
                if (m.updatedAtMs != null && Object.hasOwnProperty.call(m, "updatedAtMs"))
                    w.uint32(80).int64(m.updatedAtMs);
                return w;
            };

            /**
             * Decodes an ElectionAggregate message from the specified reader or buffer.
             * @function decode
             * @memberof shailoo.v1.ElectionAggregate
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shailoo.v1.ElectionAggregate} ElectionAggregate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ElectionAggregate.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.shailoo.v1.ElectionAggregate();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.electionId = r.string();
                            break;
                        }
                    case 2: {
                            m.definitionHash = r.bytes();
                            break;
                        }
                    case 3: {
                            m.precinctsReporting = r.uint32();
                            break;
                        }
                    case 4: {
                            m.precinctsTotal = r.uint32();
                            break;
                        }
                    case 5: {
                            m.registeredVoters = r.uint32();
                            break;
                        }
                    case 6: {
                            m.ballotsInBox = r.uint32();
                            break;
                        }
                    case 7: {
                            m.invalidBallots = r.uint32();
                            break;
                        }
                    case 8: {
                            m.againstAll = r.uint32();
                            break;
                        }
                    case 9: {
                            if (!(m.parties && m.parties.length))
                                m.parties = [];
                            m.parties.push($root.shailoo.v1.PartyTotal.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    case 10: {
                            m.updatedAtMs = r.int64();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Creates an ElectionAggregate message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shailoo.v1.ElectionAggregate
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shailoo.v1.ElectionAggregate} ElectionAggregate
             */
            ElectionAggregate.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shailoo.v1.ElectionAggregate)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shailoo.v1.ElectionAggregate: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shailoo.v1.ElectionAggregate();
                if (d.electionId != null) {
                    m.electionId = String(d.electionId);
                }
                if (d.definitionHash != null) {
                    if (typeof d.definitionHash === "string")
                        $util.base64.decode(d.definitionHash, m.definitionHash = $util.newBuffer($util.base64.length(d.definitionHash)), 0);
                    else if (d.definitionHash.length >= 0)
                        m.definitionHash = d.definitionHash;
                }
                if (d.precinctsReporting != null) {
                    m.precinctsReporting = d.precinctsReporting >>> 0;
                }
                if (d.precinctsTotal != null) {
                    m.precinctsTotal = d.precinctsTotal >>> 0;
                }
                if (d.registeredVoters != null) {
                    m.registeredVoters = d.registeredVoters >>> 0;
                }
                if (d.ballotsInBox != null) {
                    m.ballotsInBox = d.ballotsInBox >>> 0;
                }
                if (d.invalidBallots != null) {
                    m.invalidBallots = d.invalidBallots >>> 0;
                }
                if (d.againstAll != null) {
                    m.againstAll = d.againstAll >>> 0;
                }
                if (d.parties) {
                    if (!Array.isArray(d.parties))
                        throw TypeError(".shailoo.v1.ElectionAggregate.parties: array expected");
                    m.parties = [];
                    for (var i = 0; i < d.parties.length; ++i) {
                        if (!$util.isObject(d.parties[i]))
                            throw TypeError(".shailoo.v1.ElectionAggregate.parties: object expected");
                        m.parties[i] = $root.shailoo.v1.PartyTotal.fromObject(d.parties[i], n + 1);
                    }
                }
                if (d.updatedAtMs != null) {
                    if ($util.Long)
                        m.updatedAtMs = $util.Long.fromValue(d.updatedAtMs, false);
                    else if (typeof d.updatedAtMs === "string")
                        m.updatedAtMs = parseInt(d.updatedAtMs, 10);
                    else if (typeof d.updatedAtMs === "number")
                        m.updatedAtMs = d.updatedAtMs;
                    else if (typeof d.updatedAtMs === "object")
                        m.updatedAtMs = new $util.LongBits(d.updatedAtMs.low >>> 0, d.updatedAtMs.high >>> 0).toNumber();
                }
                return m;
            };

            /**
             * Creates a plain object from an ElectionAggregate message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shailoo.v1.ElectionAggregate
             * @static
             * @param {shailoo.v1.ElectionAggregate} m ElectionAggregate
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ElectionAggregate.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.parties = [];
                }
                if (o.defaults) {
                    d.electionId = "";
                    if (o.bytes === String)
                        d.definitionHash = "";
                    else {
                        d.definitionHash = [];
                        if (o.bytes !== Array)
                            d.definitionHash = $util.newBuffer(d.definitionHash);
                    }
                    d.precinctsReporting = 0;
                    d.precinctsTotal = 0;
                    d.registeredVoters = 0;
                    d.ballotsInBox = 0;
                    d.invalidBallots = 0;
                    d.againstAll = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.updatedAtMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                    } else
                        d.updatedAtMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                }
                if (m.electionId != null && Object.hasOwnProperty.call(m, "electionId")) {
                    d.electionId = m.electionId;
                }
                if (m.definitionHash != null && Object.hasOwnProperty.call(m, "definitionHash")) {
                    d.definitionHash = o.bytes === String ? $util.base64.encode(m.definitionHash, 0, m.definitionHash.length) : o.bytes === Array ? Array.prototype.slice.call(m.definitionHash) : m.definitionHash;
                }
                if (m.precinctsReporting != null && Object.hasOwnProperty.call(m, "precinctsReporting")) {
                    d.precinctsReporting = m.precinctsReporting;
                }
                if (m.precinctsTotal != null && Object.hasOwnProperty.call(m, "precinctsTotal")) {
                    d.precinctsTotal = m.precinctsTotal;
                }
                if (m.registeredVoters != null && Object.hasOwnProperty.call(m, "registeredVoters")) {
                    d.registeredVoters = m.registeredVoters;
                }
                if (m.ballotsInBox != null && Object.hasOwnProperty.call(m, "ballotsInBox")) {
                    d.ballotsInBox = m.ballotsInBox;
                }
                if (m.invalidBallots != null && Object.hasOwnProperty.call(m, "invalidBallots")) {
                    d.invalidBallots = m.invalidBallots;
                }
                if (m.againstAll != null && Object.hasOwnProperty.call(m, "againstAll")) {
                    d.againstAll = m.againstAll;
                }
                if (m.parties && m.parties.length) {
                    d.parties = [];
                    for (var j = 0; j < m.parties.length; ++j) {
                        d.parties[j] = $root.shailoo.v1.PartyTotal.toObject(m.parties[j], o, q + 1);
                    }
                }
                if (m.updatedAtMs != null && Object.hasOwnProperty.call(m, "updatedAtMs")) {
                    if (typeof BigInt !== "undefined" && o.longs === BigInt)
                        d.updatedAtMs = typeof m.updatedAtMs === "number" ? BigInt(m.updatedAtMs) : $util.Long.fromBits(m.updatedAtMs.low >>> 0, m.updatedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.updatedAtMs === "number")
                        d.updatedAtMs = o.longs === String ? String(m.updatedAtMs) : m.updatedAtMs;
                    else
                        d.updatedAtMs = o.longs === String ? $util.Long.prototype.toString.call(m.updatedAtMs) : o.longs === Number ? new $util.LongBits(m.updatedAtMs.low >>> 0, m.updatedAtMs.high >>> 0).toNumber() : m.updatedAtMs;
                }
                return d;
            };

            /**
             * Converts this ElectionAggregate to JSON.
             * @function toJSON
             * @memberof shailoo.v1.ElectionAggregate
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ElectionAggregate.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for ElectionAggregate
             * @function getTypeUrl
             * @memberof shailoo.v1.ElectionAggregate
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ElectionAggregate.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shailoo.v1.ElectionAggregate";
            };

            return ElectionAggregate;
        })();

        return v1;
    })();

    return shailoo;
})();

module.exports = $root;
