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

        v1.EventLogHeader = (function() {

            /**
             * Properties of an EventLogHeader.
             * @memberof shailoo.v1
             * @interface IEventLogHeader
             * @property {number|null} [format] EventLogHeader format
             * @property {string|null} [scenario] EventLogHeader scenario
             * @property {string|null} [seed] EventLogHeader seed
             * @property {Array.<shailoo.v1.IRecordedElection>|null} [elections] EventLogHeader elections
             */

            /**
             * Constructs a new EventLogHeader.
             * @memberof shailoo.v1
             * @classdesc Represents an EventLogHeader.
             * @implements IEventLogHeader
             * @constructor
             * @param {shailoo.v1.IEventLogHeader=} [p] Properties to set
             */
            function EventLogHeader(p) {
                this.elections = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * EventLogHeader format.
             * @member {number} format
             * @memberof shailoo.v1.EventLogHeader
             * @instance
             */
            EventLogHeader.prototype.format = 0;

            /**
             * EventLogHeader scenario.
             * @member {string} scenario
             * @memberof shailoo.v1.EventLogHeader
             * @instance
             */
            EventLogHeader.prototype.scenario = "";

            /**
             * EventLogHeader seed.
             * @member {string} seed
             * @memberof shailoo.v1.EventLogHeader
             * @instance
             */
            EventLogHeader.prototype.seed = "";

            /**
             * EventLogHeader elections.
             * @member {Array.<shailoo.v1.IRecordedElection>} elections
             * @memberof shailoo.v1.EventLogHeader
             * @instance
             */
            EventLogHeader.prototype.elections = $util.emptyArray;

            /**
             * Creates a new EventLogHeader instance using the specified properties.
             * @function create
             * @memberof shailoo.v1.EventLogHeader
             * @static
             * @param {shailoo.v1.IEventLogHeader=} [properties] Properties to set
             * @returns {shailoo.v1.EventLogHeader} EventLogHeader instance
             */
            EventLogHeader.create = function create(properties) {
                return new EventLogHeader(properties);
            };

            /**
             * Encodes the specified EventLogHeader message. Does not implicitly {@link shailoo.v1.EventLogHeader.verify|verify} messages.
             * @function encode
             * @memberof shailoo.v1.EventLogHeader
             * @static
             * @param {shailoo.v1.IEventLogHeader} m EventLogHeader message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EventLogHeader.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.format != null && Object.hasOwnProperty.call(m, "format"))
                    w.uint32(8).uint32(m.format);
                if (m.scenario != null && Object.hasOwnProperty.call(m, "scenario"))
                    w.uint32(18).string(m.scenario);
                if (m.seed != null && Object.hasOwnProperty.call(m, "seed"))
                    w.uint32(26).string(m.seed);
                if (m.elections != null && m.elections.length) {
                    for (var i = 0; i < m.elections.length; ++i)
                        $root.shailoo.v1.RecordedElection.encode(m.elections[i], w.uint32(34).fork(), q + 1).ldelim();
                }
                return w;
            };

            /**
             * Decodes an EventLogHeader message from the specified reader or buffer.
             * @function decode
             * @memberof shailoo.v1.EventLogHeader
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shailoo.v1.EventLogHeader} EventLogHeader
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EventLogHeader.decode = function decode(r, l, e, n) {
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
                m = new $root.shailoo.v1.EventLogHeader();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.format = r.uint32();
                            break;
                        }
                    case 2: {
                            m.scenario = r.string();
                            break;
                        }
                    case 3: {
                            m.seed = r.string();
                            break;
                        }
                    case 4: {
                            if (!(m.elections && m.elections.length))
                                m.elections = [];
                            m.elections.push($root.shailoo.v1.RecordedElection.decode(r, r.uint32(), undefined, n + 1));
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
             * Creates an EventLogHeader message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shailoo.v1.EventLogHeader
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shailoo.v1.EventLogHeader} EventLogHeader
             */
            EventLogHeader.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shailoo.v1.EventLogHeader)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shailoo.v1.EventLogHeader: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shailoo.v1.EventLogHeader();
                if (d.format != null) {
                    m.format = d.format >>> 0;
                }
                if (d.scenario != null) {
                    m.scenario = String(d.scenario);
                }
                if (d.seed != null) {
                    m.seed = String(d.seed);
                }
                if (d.elections) {
                    if (!Array.isArray(d.elections))
                        throw TypeError(".shailoo.v1.EventLogHeader.elections: array expected");
                    m.elections = [];
                    for (var i = 0; i < d.elections.length; ++i) {
                        if (!$util.isObject(d.elections[i]))
                            throw TypeError(".shailoo.v1.EventLogHeader.elections: object expected");
                        m.elections[i] = $root.shailoo.v1.RecordedElection.fromObject(d.elections[i], n + 1);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an EventLogHeader message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shailoo.v1.EventLogHeader
             * @static
             * @param {shailoo.v1.EventLogHeader} m EventLogHeader
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EventLogHeader.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.elections = [];
                }
                if (o.defaults) {
                    d.format = 0;
                    d.scenario = "";
                    d.seed = "";
                }
                if (m.format != null && Object.hasOwnProperty.call(m, "format")) {
                    d.format = m.format;
                }
                if (m.scenario != null && Object.hasOwnProperty.call(m, "scenario")) {
                    d.scenario = m.scenario;
                }
                if (m.seed != null && Object.hasOwnProperty.call(m, "seed")) {
                    d.seed = m.seed;
                }
                if (m.elections && m.elections.length) {
                    d.elections = [];
                    for (var j = 0; j < m.elections.length; ++j) {
                        d.elections[j] = $root.shailoo.v1.RecordedElection.toObject(m.elections[j], o, q + 1);
                    }
                }
                return d;
            };

            /**
             * Converts this EventLogHeader to JSON.
             * @function toJSON
             * @memberof shailoo.v1.EventLogHeader
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EventLogHeader.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for EventLogHeader
             * @function getTypeUrl
             * @memberof shailoo.v1.EventLogHeader
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            EventLogHeader.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shailoo.v1.EventLogHeader";
            };

            return EventLogHeader;
        })();

        v1.RecordedElection = (function() {

            /**
             * Properties of a RecordedElection.
             * @memberof shailoo.v1
             * @interface IRecordedElection
             * @property {string|null} [definitionJson] RecordedElection definitionJson
             * @property {Array.<shailoo.v1.IRecordedDevice>|null} [devices] RecordedElection devices
             */

            /**
             * Constructs a new RecordedElection.
             * @memberof shailoo.v1
             * @classdesc Represents a RecordedElection.
             * @implements IRecordedElection
             * @constructor
             * @param {shailoo.v1.IRecordedElection=} [p] Properties to set
             */
            function RecordedElection(p) {
                this.devices = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * RecordedElection definitionJson.
             * @member {string} definitionJson
             * @memberof shailoo.v1.RecordedElection
             * @instance
             */
            RecordedElection.prototype.definitionJson = "";

            /**
             * RecordedElection devices.
             * @member {Array.<shailoo.v1.IRecordedDevice>} devices
             * @memberof shailoo.v1.RecordedElection
             * @instance
             */
            RecordedElection.prototype.devices = $util.emptyArray;

            /**
             * Creates a new RecordedElection instance using the specified properties.
             * @function create
             * @memberof shailoo.v1.RecordedElection
             * @static
             * @param {shailoo.v1.IRecordedElection=} [properties] Properties to set
             * @returns {shailoo.v1.RecordedElection} RecordedElection instance
             */
            RecordedElection.create = function create(properties) {
                return new RecordedElection(properties);
            };

            /**
             * Encodes the specified RecordedElection message. Does not implicitly {@link shailoo.v1.RecordedElection.verify|verify} messages.
             * @function encode
             * @memberof shailoo.v1.RecordedElection
             * @static
             * @param {shailoo.v1.IRecordedElection} m RecordedElection message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RecordedElection.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.definitionJson != null && Object.hasOwnProperty.call(m, "definitionJson"))
                    w.uint32(10).string(m.definitionJson);
                if (m.devices != null && m.devices.length) {
                    for (var i = 0; i < m.devices.length; ++i)
                        $root.shailoo.v1.RecordedDevice.encode(m.devices[i], w.uint32(18).fork(), q + 1).ldelim();
                }
                return w;
            };

            /**
             * Decodes a RecordedElection message from the specified reader or buffer.
             * @function decode
             * @memberof shailoo.v1.RecordedElection
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shailoo.v1.RecordedElection} RecordedElection
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RecordedElection.decode = function decode(r, l, e, n) {
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
                m = new $root.shailoo.v1.RecordedElection();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.definitionJson = r.string();
                            break;
                        }
                    case 2: {
                            if (!(m.devices && m.devices.length))
                                m.devices = [];
                            m.devices.push($root.shailoo.v1.RecordedDevice.decode(r, r.uint32(), undefined, n + 1));
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
             * Creates a RecordedElection message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shailoo.v1.RecordedElection
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shailoo.v1.RecordedElection} RecordedElection
             */
            RecordedElection.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shailoo.v1.RecordedElection)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shailoo.v1.RecordedElection: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shailoo.v1.RecordedElection();
                if (d.definitionJson != null) {
                    m.definitionJson = String(d.definitionJson);
                }
                if (d.devices) {
                    if (!Array.isArray(d.devices))
                        throw TypeError(".shailoo.v1.RecordedElection.devices: array expected");
                    m.devices = [];
                    for (var i = 0; i < d.devices.length; ++i) {
                        if (!$util.isObject(d.devices[i]))
                            throw TypeError(".shailoo.v1.RecordedElection.devices: object expected");
                        m.devices[i] = $root.shailoo.v1.RecordedDevice.fromObject(d.devices[i], n + 1);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a RecordedElection message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shailoo.v1.RecordedElection
             * @static
             * @param {shailoo.v1.RecordedElection} m RecordedElection
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RecordedElection.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.devices = [];
                }
                if (o.defaults) {
                    d.definitionJson = "";
                }
                if (m.definitionJson != null && Object.hasOwnProperty.call(m, "definitionJson")) {
                    d.definitionJson = m.definitionJson;
                }
                if (m.devices && m.devices.length) {
                    d.devices = [];
                    for (var j = 0; j < m.devices.length; ++j) {
                        d.devices[j] = $root.shailoo.v1.RecordedDevice.toObject(m.devices[j], o, q + 1);
                    }
                }
                return d;
            };

            /**
             * Converts this RecordedElection to JSON.
             * @function toJSON
             * @memberof shailoo.v1.RecordedElection
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RecordedElection.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for RecordedElection
             * @function getTypeUrl
             * @memberof shailoo.v1.RecordedElection
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            RecordedElection.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shailoo.v1.RecordedElection";
            };

            return RecordedElection;
        })();

        v1.RecordedDevice = (function() {

            /**
             * Properties of a RecordedDevice.
             * @memberof shailoo.v1
             * @interface IRecordedDevice
             * @property {string|null} [id] RecordedDevice id
             * @property {string|null} [precinctId] RecordedDevice precinctId
             * @property {string|null} [kind] RecordedDevice kind
             * @property {Uint8Array|null} [publicKey] RecordedDevice publicKey
             */

            /**
             * Constructs a new RecordedDevice.
             * @memberof shailoo.v1
             * @classdesc Represents a RecordedDevice.
             * @implements IRecordedDevice
             * @constructor
             * @param {shailoo.v1.IRecordedDevice=} [p] Properties to set
             */
            function RecordedDevice(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * RecordedDevice id.
             * @member {string} id
             * @memberof shailoo.v1.RecordedDevice
             * @instance
             */
            RecordedDevice.prototype.id = "";

            /**
             * RecordedDevice precinctId.
             * @member {string} precinctId
             * @memberof shailoo.v1.RecordedDevice
             * @instance
             */
            RecordedDevice.prototype.precinctId = "";

            /**
             * RecordedDevice kind.
             * @member {string} kind
             * @memberof shailoo.v1.RecordedDevice
             * @instance
             */
            RecordedDevice.prototype.kind = "";

            /**
             * RecordedDevice publicKey.
             * @member {Uint8Array} publicKey
             * @memberof shailoo.v1.RecordedDevice
             * @instance
             */
            RecordedDevice.prototype.publicKey = $util.newBuffer([]);

            /**
             * Creates a new RecordedDevice instance using the specified properties.
             * @function create
             * @memberof shailoo.v1.RecordedDevice
             * @static
             * @param {shailoo.v1.IRecordedDevice=} [properties] Properties to set
             * @returns {shailoo.v1.RecordedDevice} RecordedDevice instance
             */
            RecordedDevice.create = function create(properties) {
                return new RecordedDevice(properties);
            };

            /**
             * Encodes the specified RecordedDevice message. Does not implicitly {@link shailoo.v1.RecordedDevice.verify|verify} messages.
             * @function encode
             * @memberof shailoo.v1.RecordedDevice
             * @static
             * @param {shailoo.v1.IRecordedDevice} m RecordedDevice message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RecordedDevice.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.id != null && Object.hasOwnProperty.call(m, "id"))
                    w.uint32(10).string(m.id);
                if (m.precinctId != null && Object.hasOwnProperty.call(m, "precinctId"))
                    w.uint32(18).string(m.precinctId);
                if (m.kind != null && Object.hasOwnProperty.call(m, "kind"))
                    w.uint32(26).string(m.kind);
                if (m.publicKey != null && Object.hasOwnProperty.call(m, "publicKey"))
                    w.uint32(34).bytes(m.publicKey);
                return w;
            };

            /**
             * Decodes a RecordedDevice message from the specified reader or buffer.
             * @function decode
             * @memberof shailoo.v1.RecordedDevice
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shailoo.v1.RecordedDevice} RecordedDevice
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RecordedDevice.decode = function decode(r, l, e, n) {
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
                m = new $root.shailoo.v1.RecordedDevice();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.id = r.string();
                            break;
                        }
                    case 2: {
                            m.precinctId = r.string();
                            break;
                        }
                    case 3: {
                            m.kind = r.string();
                            break;
                        }
                    case 4: {
                            m.publicKey = r.bytes();
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
             * Creates a RecordedDevice message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shailoo.v1.RecordedDevice
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shailoo.v1.RecordedDevice} RecordedDevice
             */
            RecordedDevice.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shailoo.v1.RecordedDevice)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shailoo.v1.RecordedDevice: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shailoo.v1.RecordedDevice();
                if (d.id != null) {
                    m.id = String(d.id);
                }
                if (d.precinctId != null) {
                    m.precinctId = String(d.precinctId);
                }
                if (d.kind != null) {
                    m.kind = String(d.kind);
                }
                if (d.publicKey != null) {
                    if (typeof d.publicKey === "string")
                        $util.base64.decode(d.publicKey, m.publicKey = $util.newBuffer($util.base64.length(d.publicKey)), 0);
                    else if (d.publicKey.length >= 0)
                        m.publicKey = d.publicKey;
                }
                return m;
            };

            /**
             * Creates a plain object from a RecordedDevice message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shailoo.v1.RecordedDevice
             * @static
             * @param {shailoo.v1.RecordedDevice} m RecordedDevice
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RecordedDevice.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.id = "";
                    d.precinctId = "";
                    d.kind = "";
                    if (o.bytes === String)
                        d.publicKey = "";
                    else {
                        d.publicKey = [];
                        if (o.bytes !== Array)
                            d.publicKey = $util.newBuffer(d.publicKey);
                    }
                }
                if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                    d.id = m.id;
                }
                if (m.precinctId != null && Object.hasOwnProperty.call(m, "precinctId")) {
                    d.precinctId = m.precinctId;
                }
                if (m.kind != null && Object.hasOwnProperty.call(m, "kind")) {
                    d.kind = m.kind;
                }
                if (m.publicKey != null && Object.hasOwnProperty.call(m, "publicKey")) {
                    d.publicKey = o.bytes === String ? $util.base64.encode(m.publicKey, 0, m.publicKey.length) : o.bytes === Array ? Array.prototype.slice.call(m.publicKey) : m.publicKey;
                }
                return d;
            };

            /**
             * Converts this RecordedDevice to JSON.
             * @function toJSON
             * @memberof shailoo.v1.RecordedDevice
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RecordedDevice.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for RecordedDevice
             * @function getTypeUrl
             * @memberof shailoo.v1.RecordedDevice
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            RecordedDevice.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shailoo.v1.RecordedDevice";
            };

            return RecordedDevice;
        })();

        v1.EventLogEntry = (function() {

            /**
             * Properties of an EventLogEntry.
             * @memberof shailoo.v1
             * @interface IEventLogEntry
             * @property {number|Long|null} [atMs] EventLogEntry atMs
             * @property {string|null} [topic] EventLogEntry topic
             * @property {Uint8Array|null} [payload] EventLogEntry payload
             */

            /**
             * Constructs a new EventLogEntry.
             * @memberof shailoo.v1
             * @classdesc Represents an EventLogEntry.
             * @implements IEventLogEntry
             * @constructor
             * @param {shailoo.v1.IEventLogEntry=} [p] Properties to set
             */
            function EventLogEntry(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * EventLogEntry atMs.
             * @member {number|Long} atMs
             * @memberof shailoo.v1.EventLogEntry
             * @instance
             */
            EventLogEntry.prototype.atMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * EventLogEntry topic.
             * @member {string} topic
             * @memberof shailoo.v1.EventLogEntry
             * @instance
             */
            EventLogEntry.prototype.topic = "";

            /**
             * EventLogEntry payload.
             * @member {Uint8Array} payload
             * @memberof shailoo.v1.EventLogEntry
             * @instance
             */
            EventLogEntry.prototype.payload = $util.newBuffer([]);

            /**
             * Creates a new EventLogEntry instance using the specified properties.
             * @function create
             * @memberof shailoo.v1.EventLogEntry
             * @static
             * @param {shailoo.v1.IEventLogEntry=} [properties] Properties to set
             * @returns {shailoo.v1.EventLogEntry} EventLogEntry instance
             */
            EventLogEntry.create = function create(properties) {
                return new EventLogEntry(properties);
            };

            /**
             * Encodes the specified EventLogEntry message. Does not implicitly {@link shailoo.v1.EventLogEntry.verify|verify} messages.
             * @function encode
             * @memberof shailoo.v1.EventLogEntry
             * @static
             * @param {shailoo.v1.IEventLogEntry} m EventLogEntry message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EventLogEntry.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.atMs != null && Object.hasOwnProperty.call(m, "atMs"))
                    w.uint32(8).int64(m.atMs);
                if (m.topic != null && Object.hasOwnProperty.call(m, "topic"))
                    w.uint32(18).string(m.topic);
                if (m.payload != null && Object.hasOwnProperty.call(m, "payload"))
                    w.uint32(26).bytes(m.payload);
                return w;
            };

            /**
             * Decodes an EventLogEntry message from the specified reader or buffer.
             * @function decode
             * @memberof shailoo.v1.EventLogEntry
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shailoo.v1.EventLogEntry} EventLogEntry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EventLogEntry.decode = function decode(r, l, e, n) {
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
                m = new $root.shailoo.v1.EventLogEntry();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.atMs = r.int64();
                            break;
                        }
                    case 2: {
                            m.topic = r.string();
                            break;
                        }
                    case 3: {
                            m.payload = r.bytes();
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
             * Creates an EventLogEntry message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shailoo.v1.EventLogEntry
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shailoo.v1.EventLogEntry} EventLogEntry
             */
            EventLogEntry.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shailoo.v1.EventLogEntry)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shailoo.v1.EventLogEntry: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shailoo.v1.EventLogEntry();
                if (d.atMs != null) {
                    if ($util.Long)
                        m.atMs = $util.Long.fromValue(d.atMs, false);
                    else if (typeof d.atMs === "string")
                        m.atMs = parseInt(d.atMs, 10);
                    else if (typeof d.atMs === "number")
                        m.atMs = d.atMs;
                    else if (typeof d.atMs === "object")
                        m.atMs = new $util.LongBits(d.atMs.low >>> 0, d.atMs.high >>> 0).toNumber();
                }
                if (d.topic != null) {
                    m.topic = String(d.topic);
                }
                if (d.payload != null) {
                    if (typeof d.payload === "string")
                        $util.base64.decode(d.payload, m.payload = $util.newBuffer($util.base64.length(d.payload)), 0);
                    else if (d.payload.length >= 0)
                        m.payload = d.payload;
                }
                return m;
            };

            /**
             * Creates a plain object from an EventLogEntry message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shailoo.v1.EventLogEntry
             * @static
             * @param {shailoo.v1.EventLogEntry} m EventLogEntry
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EventLogEntry.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.atMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                    } else
                        d.atMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    d.topic = "";
                    if (o.bytes === String)
                        d.payload = "";
                    else {
                        d.payload = [];
                        if (o.bytes !== Array)
                            d.payload = $util.newBuffer(d.payload);
                    }
                }
                if (m.atMs != null && Object.hasOwnProperty.call(m, "atMs")) {
                    if (typeof BigInt !== "undefined" && o.longs === BigInt)
                        d.atMs = typeof m.atMs === "number" ? BigInt(m.atMs) : $util.Long.fromBits(m.atMs.low >>> 0, m.atMs.high >>> 0, false).toBigInt();
                    else if (typeof m.atMs === "number")
                        d.atMs = o.longs === String ? String(m.atMs) : m.atMs;
                    else
                        d.atMs = o.longs === String ? $util.Long.prototype.toString.call(m.atMs) : o.longs === Number ? new $util.LongBits(m.atMs.low >>> 0, m.atMs.high >>> 0).toNumber() : m.atMs;
                }
                if (m.topic != null && Object.hasOwnProperty.call(m, "topic")) {
                    d.topic = m.topic;
                }
                if (m.payload != null && Object.hasOwnProperty.call(m, "payload")) {
                    d.payload = o.bytes === String ? $util.base64.encode(m.payload, 0, m.payload.length) : o.bytes === Array ? Array.prototype.slice.call(m.payload) : m.payload;
                }
                return d;
            };

            /**
             * Converts this EventLogEntry to JSON.
             * @function toJSON
             * @memberof shailoo.v1.EventLogEntry
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EventLogEntry.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for EventLogEntry
             * @function getTypeUrl
             * @memberof shailoo.v1.EventLogEntry
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            EventLogEntry.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shailoo.v1.EventLogEntry";
            };

            return EventLogEntry;
        })();

        /**
         * IdentificationMethod enum.
         * @name shailoo.v1.IdentificationMethod
         * @enum {number}
         * @property {number} IDENTIFICATION_METHOD_UNSPECIFIED=0 IDENTIFICATION_METHOD_UNSPECIFIED value
         * @property {number} IDENTIFICATION_METHOD_FINGERPRINT=1 IDENTIFICATION_METHOD_FINGERPRINT value
         * @property {number} IDENTIFICATION_METHOD_FACE=2 IDENTIFICATION_METHOD_FACE value
         */
        v1.IdentificationMethod = (function() {
            var valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "IDENTIFICATION_METHOD_UNSPECIFIED"] = 0;
            values[valuesById[1] = "IDENTIFICATION_METHOD_FINGERPRINT"] = 1;
            values[valuesById[2] = "IDENTIFICATION_METHOD_FACE"] = 2;
            return values;
        })();

        v1.IdentifyRequest = (function() {

            /**
             * Properties of an IdentifyRequest.
             * @memberof shailoo.v1
             * @interface IIdentifyRequest
             * @property {string|null} [electionId] IdentifyRequest electionId
             * @property {Uint8Array|null} [definitionHash] IdentifyRequest definitionHash
             * @property {string|null} [precinctId] IdentifyRequest precinctId
             * @property {string|null} [deviceId] IdentifyRequest deviceId
             * @property {number|null} [sequence] IdentifyRequest sequence
             * @property {string|null} [pin] IdentifyRequest pin
             * @property {shailoo.v1.IdentificationMethod|null} [method] IdentifyRequest method
             * @property {number|Long|null} [identifiedAtMs] IdentifyRequest identifiedAtMs
             * @property {boolean|null} [offline] IdentifyRequest offline
             */

            /**
             * Constructs a new IdentifyRequest.
             * @memberof shailoo.v1
             * @classdesc Represents an IdentifyRequest.
             * @implements IIdentifyRequest
             * @constructor
             * @param {shailoo.v1.IIdentifyRequest=} [p] Properties to set
             */
            function IdentifyRequest(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * IdentifyRequest electionId.
             * @member {string} electionId
             * @memberof shailoo.v1.IdentifyRequest
             * @instance
             */
            IdentifyRequest.prototype.electionId = "";

            /**
             * IdentifyRequest definitionHash.
             * @member {Uint8Array} definitionHash
             * @memberof shailoo.v1.IdentifyRequest
             * @instance
             */
            IdentifyRequest.prototype.definitionHash = $util.newBuffer([]);

            /**
             * IdentifyRequest precinctId.
             * @member {string} precinctId
             * @memberof shailoo.v1.IdentifyRequest
             * @instance
             */
            IdentifyRequest.prototype.precinctId = "";

            /**
             * IdentifyRequest deviceId.
             * @member {string} deviceId
             * @memberof shailoo.v1.IdentifyRequest
             * @instance
             */
            IdentifyRequest.prototype.deviceId = "";

            /**
             * IdentifyRequest sequence.
             * @member {number} sequence
             * @memberof shailoo.v1.IdentifyRequest
             * @instance
             */
            IdentifyRequest.prototype.sequence = 0;

            /**
             * IdentifyRequest pin.
             * @member {string} pin
             * @memberof shailoo.v1.IdentifyRequest
             * @instance
             */
            IdentifyRequest.prototype.pin = "";

            /**
             * IdentifyRequest method.
             * @member {shailoo.v1.IdentificationMethod} method
             * @memberof shailoo.v1.IdentifyRequest
             * @instance
             */
            IdentifyRequest.prototype.method = 0;

            /**
             * IdentifyRequest identifiedAtMs.
             * @member {number|Long} identifiedAtMs
             * @memberof shailoo.v1.IdentifyRequest
             * @instance
             */
            IdentifyRequest.prototype.identifiedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * IdentifyRequest offline.
             * @member {boolean} offline
             * @memberof shailoo.v1.IdentifyRequest
             * @instance
             */
            IdentifyRequest.prototype.offline = false;

            /**
             * Creates a new IdentifyRequest instance using the specified properties.
             * @function create
             * @memberof shailoo.v1.IdentifyRequest
             * @static
             * @param {shailoo.v1.IIdentifyRequest=} [properties] Properties to set
             * @returns {shailoo.v1.IdentifyRequest} IdentifyRequest instance
             */
            IdentifyRequest.create = function create(properties) {
                return new IdentifyRequest(properties);
            };

            /**
             * Encodes the specified IdentifyRequest message. Does not implicitly {@link shailoo.v1.IdentifyRequest.verify|verify} messages.
             * @function encode
             * @memberof shailoo.v1.IdentifyRequest
             * @static
             * @param {shailoo.v1.IIdentifyRequest} m IdentifyRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            IdentifyRequest.encode = function encode(m, w, q) {
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
                if (m.pin != null && Object.hasOwnProperty.call(m, "pin"))
                    w.uint32(50).string(m.pin);
                if (m.method != null && Object.hasOwnProperty.call(m, "method"))
                    w.uint32(56).int32(m.method);
                if (m.identifiedAtMs != null && Object.hasOwnProperty.call(m, "identifiedAtMs"))
                    w.uint32(64).int64(m.identifiedAtMs);
                if (m.offline != null && Object.hasOwnProperty.call(m, "offline"))
                    w.uint32(72).bool(m.offline);
                return w;
            };

            /**
             * Decodes an IdentifyRequest message from the specified reader or buffer.
             * @function decode
             * @memberof shailoo.v1.IdentifyRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shailoo.v1.IdentifyRequest} IdentifyRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            IdentifyRequest.decode = function decode(r, l, e, n) {
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
                m = new $root.shailoo.v1.IdentifyRequest();
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
                            m.pin = r.string();
                            break;
                        }
                    case 7: {
                            m.method = r.int32();
                            break;
                        }
                    case 8: {
                            m.identifiedAtMs = r.int64();
                            break;
                        }
                    case 9: {
                            m.offline = r.bool();
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
             * Creates an IdentifyRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shailoo.v1.IdentifyRequest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shailoo.v1.IdentifyRequest} IdentifyRequest
             */
            IdentifyRequest.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shailoo.v1.IdentifyRequest)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shailoo.v1.IdentifyRequest: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shailoo.v1.IdentifyRequest();
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
                if (d.pin != null) {
                    m.pin = String(d.pin);
                }
                switch (d.method) {
                default:
                    if (typeof d.method === "number") {
                        m.method = d.method;
                        break;
                    }
                    break;
                case "IDENTIFICATION_METHOD_UNSPECIFIED":
                case 0:
                    m.method = 0;
                    break;
                case "IDENTIFICATION_METHOD_FINGERPRINT":
                case 1:
                    m.method = 1;
                    break;
                case "IDENTIFICATION_METHOD_FACE":
                case 2:
                    m.method = 2;
                    break;
                }
                if (d.identifiedAtMs != null) {
                    if ($util.Long)
                        m.identifiedAtMs = $util.Long.fromValue(d.identifiedAtMs, false);
                    else if (typeof d.identifiedAtMs === "string")
                        m.identifiedAtMs = parseInt(d.identifiedAtMs, 10);
                    else if (typeof d.identifiedAtMs === "number")
                        m.identifiedAtMs = d.identifiedAtMs;
                    else if (typeof d.identifiedAtMs === "object")
                        m.identifiedAtMs = new $util.LongBits(d.identifiedAtMs.low >>> 0, d.identifiedAtMs.high >>> 0).toNumber();
                }
                if (d.offline != null) {
                    m.offline = Boolean(d.offline);
                }
                return m;
            };

            /**
             * Creates a plain object from an IdentifyRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shailoo.v1.IdentifyRequest
             * @static
             * @param {shailoo.v1.IdentifyRequest} m IdentifyRequest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            IdentifyRequest.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
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
                    d.pin = "";
                    d.method = o.enums === String ? "IDENTIFICATION_METHOD_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.identifiedAtMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                    } else
                        d.identifiedAtMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    d.offline = false;
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
                if (m.pin != null && Object.hasOwnProperty.call(m, "pin")) {
                    d.pin = m.pin;
                }
                if (m.method != null && Object.hasOwnProperty.call(m, "method")) {
                    d.method = o.enums === String ? $root.shailoo.v1.IdentificationMethod[m.method] === undefined ? m.method : $root.shailoo.v1.IdentificationMethod[m.method] : m.method;
                }
                if (m.identifiedAtMs != null && Object.hasOwnProperty.call(m, "identifiedAtMs")) {
                    if (typeof BigInt !== "undefined" && o.longs === BigInt)
                        d.identifiedAtMs = typeof m.identifiedAtMs === "number" ? BigInt(m.identifiedAtMs) : $util.Long.fromBits(m.identifiedAtMs.low >>> 0, m.identifiedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.identifiedAtMs === "number")
                        d.identifiedAtMs = o.longs === String ? String(m.identifiedAtMs) : m.identifiedAtMs;
                    else
                        d.identifiedAtMs = o.longs === String ? $util.Long.prototype.toString.call(m.identifiedAtMs) : o.longs === Number ? new $util.LongBits(m.identifiedAtMs.low >>> 0, m.identifiedAtMs.high >>> 0).toNumber() : m.identifiedAtMs;
                }
                if (m.offline != null && Object.hasOwnProperty.call(m, "offline")) {
                    d.offline = m.offline;
                }
                return d;
            };

            /**
             * Converts this IdentifyRequest to JSON.
             * @function toJSON
             * @memberof shailoo.v1.IdentifyRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            IdentifyRequest.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for IdentifyRequest
             * @function getTypeUrl
             * @memberof shailoo.v1.IdentifyRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            IdentifyRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shailoo.v1.IdentifyRequest";
            };

            return IdentifyRequest;
        })();

        /**
         * IdentifyOutcome enum.
         * @name shailoo.v1.IdentifyOutcome
         * @enum {number}
         * @property {number} IDENTIFY_OUTCOME_UNSPECIFIED=0 IDENTIFY_OUTCOME_UNSPECIFIED value
         * @property {number} IDENTIFY_OUTCOME_IDENTIFIED=1 IDENTIFY_OUTCOME_IDENTIFIED value
         * @property {number} IDENTIFY_OUTCOME_REFUSED=2 IDENTIFY_OUTCOME_REFUSED value
         */
        v1.IdentifyOutcome = (function() {
            var valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "IDENTIFY_OUTCOME_UNSPECIFIED"] = 0;
            values[valuesById[1] = "IDENTIFY_OUTCOME_IDENTIFIED"] = 1;
            values[valuesById[2] = "IDENTIFY_OUTCOME_REFUSED"] = 2;
            return values;
        })();

        v1.IdentifyResponse = (function() {

            /**
             * Properties of an IdentifyResponse.
             * @memberof shailoo.v1
             * @interface IIdentifyResponse
             * @property {string|null} [deviceId] IdentifyResponse deviceId
             * @property {number|null} [sequence] IdentifyResponse sequence
             * @property {shailoo.v1.IdentifyOutcome|null} [outcome] IdentifyResponse outcome
             * @property {string|null} [reason] IdentifyResponse reason
             * @property {string|null} [identifiedPrecinctId] IdentifyResponse identifiedPrecinctId
             * @property {number|Long|null} [identifiedAtMs] IdentifyResponse identifiedAtMs
             * @property {boolean|null} [doubleVote] IdentifyResponse doubleVote
             */

            /**
             * Constructs a new IdentifyResponse.
             * @memberof shailoo.v1
             * @classdesc Represents an IdentifyResponse.
             * @implements IIdentifyResponse
             * @constructor
             * @param {shailoo.v1.IIdentifyResponse=} [p] Properties to set
             */
            function IdentifyResponse(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * IdentifyResponse deviceId.
             * @member {string} deviceId
             * @memberof shailoo.v1.IdentifyResponse
             * @instance
             */
            IdentifyResponse.prototype.deviceId = "";

            /**
             * IdentifyResponse sequence.
             * @member {number} sequence
             * @memberof shailoo.v1.IdentifyResponse
             * @instance
             */
            IdentifyResponse.prototype.sequence = 0;

            /**
             * IdentifyResponse outcome.
             * @member {shailoo.v1.IdentifyOutcome} outcome
             * @memberof shailoo.v1.IdentifyResponse
             * @instance
             */
            IdentifyResponse.prototype.outcome = 0;

            /**
             * IdentifyResponse reason.
             * @member {string} reason
             * @memberof shailoo.v1.IdentifyResponse
             * @instance
             */
            IdentifyResponse.prototype.reason = "";

            /**
             * IdentifyResponse identifiedPrecinctId.
             * @member {string} identifiedPrecinctId
             * @memberof shailoo.v1.IdentifyResponse
             * @instance
             */
            IdentifyResponse.prototype.identifiedPrecinctId = "";

            /**
             * IdentifyResponse identifiedAtMs.
             * @member {number|Long} identifiedAtMs
             * @memberof shailoo.v1.IdentifyResponse
             * @instance
             */
            IdentifyResponse.prototype.identifiedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * IdentifyResponse doubleVote.
             * @member {boolean} doubleVote
             * @memberof shailoo.v1.IdentifyResponse
             * @instance
             */
            IdentifyResponse.prototype.doubleVote = false;

            /**
             * Creates a new IdentifyResponse instance using the specified properties.
             * @function create
             * @memberof shailoo.v1.IdentifyResponse
             * @static
             * @param {shailoo.v1.IIdentifyResponse=} [properties] Properties to set
             * @returns {shailoo.v1.IdentifyResponse} IdentifyResponse instance
             */
            IdentifyResponse.create = function create(properties) {
                return new IdentifyResponse(properties);
            };

            /**
             * Encodes the specified IdentifyResponse message. Does not implicitly {@link shailoo.v1.IdentifyResponse.verify|verify} messages.
             * @function encode
             * @memberof shailoo.v1.IdentifyResponse
             * @static
             * @param {shailoo.v1.IIdentifyResponse} m IdentifyResponse message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            IdentifyResponse.encode = function encode(m, w, q) {
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
                if (m.outcome != null && Object.hasOwnProperty.call(m, "outcome"))
                    w.uint32(24).int32(m.outcome);
                if (m.reason != null && Object.hasOwnProperty.call(m, "reason"))
                    w.uint32(34).string(m.reason);
                if (m.identifiedPrecinctId != null && Object.hasOwnProperty.call(m, "identifiedPrecinctId"))
                    w.uint32(42).string(m.identifiedPrecinctId);
                if (m.identifiedAtMs != null && Object.hasOwnProperty.call(m, "identifiedAtMs"))
                    w.uint32(48).int64(m.identifiedAtMs);
                if (m.doubleVote != null && Object.hasOwnProperty.call(m, "doubleVote"))
                    w.uint32(56).bool(m.doubleVote);
                return w;
            };

            /**
             * Decodes an IdentifyResponse message from the specified reader or buffer.
             * @function decode
             * @memberof shailoo.v1.IdentifyResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shailoo.v1.IdentifyResponse} IdentifyResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            IdentifyResponse.decode = function decode(r, l, e, n) {
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
                m = new $root.shailoo.v1.IdentifyResponse();
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
                            m.outcome = r.int32();
                            break;
                        }
                    case 4: {
                            m.reason = r.string();
                            break;
                        }
                    case 5: {
                            m.identifiedPrecinctId = r.string();
                            break;
                        }
                    case 6: {
                            m.identifiedAtMs = r.int64();
                            break;
                        }
                    case 7: {
                            m.doubleVote = r.bool();
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
             * Creates an IdentifyResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shailoo.v1.IdentifyResponse
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shailoo.v1.IdentifyResponse} IdentifyResponse
             */
            IdentifyResponse.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shailoo.v1.IdentifyResponse)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shailoo.v1.IdentifyResponse: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shailoo.v1.IdentifyResponse();
                if (d.deviceId != null) {
                    m.deviceId = String(d.deviceId);
                }
                if (d.sequence != null) {
                    m.sequence = d.sequence >>> 0;
                }
                switch (d.outcome) {
                default:
                    if (typeof d.outcome === "number") {
                        m.outcome = d.outcome;
                        break;
                    }
                    break;
                case "IDENTIFY_OUTCOME_UNSPECIFIED":
                case 0:
                    m.outcome = 0;
                    break;
                case "IDENTIFY_OUTCOME_IDENTIFIED":
                case 1:
                    m.outcome = 1;
                    break;
                case "IDENTIFY_OUTCOME_REFUSED":
                case 2:
                    m.outcome = 2;
                    break;
                }
                if (d.reason != null) {
                    m.reason = String(d.reason);
                }
                if (d.identifiedPrecinctId != null) {
                    m.identifiedPrecinctId = String(d.identifiedPrecinctId);
                }
                if (d.identifiedAtMs != null) {
                    if ($util.Long)
                        m.identifiedAtMs = $util.Long.fromValue(d.identifiedAtMs, false);
                    else if (typeof d.identifiedAtMs === "string")
                        m.identifiedAtMs = parseInt(d.identifiedAtMs, 10);
                    else if (typeof d.identifiedAtMs === "number")
                        m.identifiedAtMs = d.identifiedAtMs;
                    else if (typeof d.identifiedAtMs === "object")
                        m.identifiedAtMs = new $util.LongBits(d.identifiedAtMs.low >>> 0, d.identifiedAtMs.high >>> 0).toNumber();
                }
                if (d.doubleVote != null) {
                    m.doubleVote = Boolean(d.doubleVote);
                }
                return m;
            };

            /**
             * Creates a plain object from an IdentifyResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shailoo.v1.IdentifyResponse
             * @static
             * @param {shailoo.v1.IdentifyResponse} m IdentifyResponse
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            IdentifyResponse.toObject = function toObject(m, o, q) {
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
                    d.outcome = o.enums === String ? "IDENTIFY_OUTCOME_UNSPECIFIED" : 0;
                    d.reason = "";
                    d.identifiedPrecinctId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.identifiedAtMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                    } else
                        d.identifiedAtMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    d.doubleVote = false;
                }
                if (m.deviceId != null && Object.hasOwnProperty.call(m, "deviceId")) {
                    d.deviceId = m.deviceId;
                }
                if (m.sequence != null && Object.hasOwnProperty.call(m, "sequence")) {
                    d.sequence = m.sequence;
                }
                if (m.outcome != null && Object.hasOwnProperty.call(m, "outcome")) {
                    d.outcome = o.enums === String ? $root.shailoo.v1.IdentifyOutcome[m.outcome] === undefined ? m.outcome : $root.shailoo.v1.IdentifyOutcome[m.outcome] : m.outcome;
                }
                if (m.reason != null && Object.hasOwnProperty.call(m, "reason")) {
                    d.reason = m.reason;
                }
                if (m.identifiedPrecinctId != null && Object.hasOwnProperty.call(m, "identifiedPrecinctId")) {
                    d.identifiedPrecinctId = m.identifiedPrecinctId;
                }
                if (m.identifiedAtMs != null && Object.hasOwnProperty.call(m, "identifiedAtMs")) {
                    if (typeof BigInt !== "undefined" && o.longs === BigInt)
                        d.identifiedAtMs = typeof m.identifiedAtMs === "number" ? BigInt(m.identifiedAtMs) : $util.Long.fromBits(m.identifiedAtMs.low >>> 0, m.identifiedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.identifiedAtMs === "number")
                        d.identifiedAtMs = o.longs === String ? String(m.identifiedAtMs) : m.identifiedAtMs;
                    else
                        d.identifiedAtMs = o.longs === String ? $util.Long.prototype.toString.call(m.identifiedAtMs) : o.longs === Number ? new $util.LongBits(m.identifiedAtMs.low >>> 0, m.identifiedAtMs.high >>> 0).toNumber() : m.identifiedAtMs;
                }
                if (m.doubleVote != null && Object.hasOwnProperty.call(m, "doubleVote")) {
                    d.doubleVote = m.doubleVote;
                }
                return d;
            };

            /**
             * Converts this IdentifyResponse to JSON.
             * @function toJSON
             * @memberof shailoo.v1.IdentifyResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            IdentifyResponse.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for IdentifyResponse
             * @function getTypeUrl
             * @memberof shailoo.v1.IdentifyResponse
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            IdentifyResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shailoo.v1.IdentifyResponse";
            };

            return IdentifyResponse;
        })();

        /**
         * PayloadKind enum.
         * @name shailoo.v1.PayloadKind
         * @enum {number}
         * @property {number} PAYLOAD_KIND_UNSPECIFIED=0 PAYLOAD_KIND_UNSPECIFIED value
         * @property {number} PAYLOAD_KIND_PRECINCT_RESULT=1 PAYLOAD_KIND_PRECINCT_RESULT value
         * @property {number} PAYLOAD_KIND_MANUAL_PROTOCOL=2 PAYLOAD_KIND_MANUAL_PROTOCOL value
         * @property {number} PAYLOAD_KIND_IDENTIFICATION_REPORT=3 PAYLOAD_KIND_IDENTIFICATION_REPORT value
         * @property {number} PAYLOAD_KIND_TURNOUT_SNAPSHOT=4 PAYLOAD_KIND_TURNOUT_SNAPSHOT value
         * @property {number} PAYLOAD_KIND_IDENTIFY_REQUEST=5 PAYLOAD_KIND_IDENTIFY_REQUEST value
         */
        v1.PayloadKind = (function() {
            var valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "PAYLOAD_KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "PAYLOAD_KIND_PRECINCT_RESULT"] = 1;
            values[valuesById[2] = "PAYLOAD_KIND_MANUAL_PROTOCOL"] = 2;
            values[valuesById[3] = "PAYLOAD_KIND_IDENTIFICATION_REPORT"] = 3;
            values[valuesById[4] = "PAYLOAD_KIND_TURNOUT_SNAPSHOT"] = 4;
            values[valuesById[5] = "PAYLOAD_KIND_IDENTIFY_REQUEST"] = 5;
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
                case "PAYLOAD_KIND_MANUAL_PROTOCOL":
                case 2:
                    m.kind = 2;
                    break;
                case "PAYLOAD_KIND_IDENTIFICATION_REPORT":
                case 3:
                    m.kind = 3;
                    break;
                case "PAYLOAD_KIND_TURNOUT_SNAPSHOT":
                case 4:
                    m.kind = 4;
                    break;
                case "PAYLOAD_KIND_IDENTIFY_REQUEST":
                case 5:
                    m.kind = 5;
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

        v1.PayloadHeader = (function() {

            /**
             * Properties of a PayloadHeader.
             * @memberof shailoo.v1
             * @interface IPayloadHeader
             * @property {string|null} [electionId] PayloadHeader electionId
             * @property {Uint8Array|null} [definitionHash] PayloadHeader definitionHash
             * @property {string|null} [precinctId] PayloadHeader precinctId
             * @property {string|null} [deviceId] PayloadHeader deviceId
             * @property {number|null} [sequence] PayloadHeader sequence
             */

            /**
             * Constructs a new PayloadHeader.
             * @memberof shailoo.v1
             * @classdesc Represents a PayloadHeader.
             * @implements IPayloadHeader
             * @constructor
             * @param {shailoo.v1.IPayloadHeader=} [p] Properties to set
             */
            function PayloadHeader(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * PayloadHeader electionId.
             * @member {string} electionId
             * @memberof shailoo.v1.PayloadHeader
             * @instance
             */
            PayloadHeader.prototype.electionId = "";

            /**
             * PayloadHeader definitionHash.
             * @member {Uint8Array} definitionHash
             * @memberof shailoo.v1.PayloadHeader
             * @instance
             */
            PayloadHeader.prototype.definitionHash = $util.newBuffer([]);

            /**
             * PayloadHeader precinctId.
             * @member {string} precinctId
             * @memberof shailoo.v1.PayloadHeader
             * @instance
             */
            PayloadHeader.prototype.precinctId = "";

            /**
             * PayloadHeader deviceId.
             * @member {string} deviceId
             * @memberof shailoo.v1.PayloadHeader
             * @instance
             */
            PayloadHeader.prototype.deviceId = "";

            /**
             * PayloadHeader sequence.
             * @member {number} sequence
             * @memberof shailoo.v1.PayloadHeader
             * @instance
             */
            PayloadHeader.prototype.sequence = 0;

            /**
             * Creates a new PayloadHeader instance using the specified properties.
             * @function create
             * @memberof shailoo.v1.PayloadHeader
             * @static
             * @param {shailoo.v1.IPayloadHeader=} [properties] Properties to set
             * @returns {shailoo.v1.PayloadHeader} PayloadHeader instance
             */
            PayloadHeader.create = function create(properties) {
                return new PayloadHeader(properties);
            };

            /**
             * Encodes the specified PayloadHeader message. Does not implicitly {@link shailoo.v1.PayloadHeader.verify|verify} messages.
             * @function encode
             * @memberof shailoo.v1.PayloadHeader
             * @static
             * @param {shailoo.v1.IPayloadHeader} m PayloadHeader message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PayloadHeader.encode = function encode(m, w, q) {
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
                return w;
            };

            /**
             * Decodes a PayloadHeader message from the specified reader or buffer.
             * @function decode
             * @memberof shailoo.v1.PayloadHeader
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shailoo.v1.PayloadHeader} PayloadHeader
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PayloadHeader.decode = function decode(r, l, e, n) {
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
                m = new $root.shailoo.v1.PayloadHeader();
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
             * Creates a PayloadHeader message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shailoo.v1.PayloadHeader
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shailoo.v1.PayloadHeader} PayloadHeader
             */
            PayloadHeader.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shailoo.v1.PayloadHeader)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shailoo.v1.PayloadHeader: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shailoo.v1.PayloadHeader();
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
                return m;
            };

            /**
             * Creates a plain object from a PayloadHeader message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shailoo.v1.PayloadHeader
             * @static
             * @param {shailoo.v1.PayloadHeader} m PayloadHeader
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PayloadHeader.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
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
                return d;
            };

            /**
             * Converts this PayloadHeader to JSON.
             * @function toJSON
             * @memberof shailoo.v1.PayloadHeader
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PayloadHeader.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for PayloadHeader
             * @function getTypeUrl
             * @memberof shailoo.v1.PayloadHeader
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            PayloadHeader.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shailoo.v1.PayloadHeader";
            };

            return PayloadHeader;
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

        v1.SelectionVotes = (function() {

            /**
             * Properties of a SelectionVotes.
             * @memberof shailoo.v1
             * @interface ISelectionVotes
             * @property {string|null} [selectionId] SelectionVotes selectionId
             * @property {number|null} [votes] SelectionVotes votes
             */

            /**
             * Constructs a new SelectionVotes.
             * @memberof shailoo.v1
             * @classdesc Represents a SelectionVotes.
             * @implements ISelectionVotes
             * @constructor
             * @param {shailoo.v1.ISelectionVotes=} [p] Properties to set
             */
            function SelectionVotes(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * SelectionVotes selectionId.
             * @member {string} selectionId
             * @memberof shailoo.v1.SelectionVotes
             * @instance
             */
            SelectionVotes.prototype.selectionId = "";

            /**
             * SelectionVotes votes.
             * @member {number} votes
             * @memberof shailoo.v1.SelectionVotes
             * @instance
             */
            SelectionVotes.prototype.votes = 0;

            /**
             * Creates a new SelectionVotes instance using the specified properties.
             * @function create
             * @memberof shailoo.v1.SelectionVotes
             * @static
             * @param {shailoo.v1.ISelectionVotes=} [properties] Properties to set
             * @returns {shailoo.v1.SelectionVotes} SelectionVotes instance
             */
            SelectionVotes.create = function create(properties) {
                return new SelectionVotes(properties);
            };

            /**
             * Encodes the specified SelectionVotes message. Does not implicitly {@link shailoo.v1.SelectionVotes.verify|verify} messages.
             * @function encode
             * @memberof shailoo.v1.SelectionVotes
             * @static
             * @param {shailoo.v1.ISelectionVotes} m SelectionVotes message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SelectionVotes.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.selectionId != null && Object.hasOwnProperty.call(m, "selectionId"))
                    w.uint32(10).string(m.selectionId);
                if (m.votes != null && Object.hasOwnProperty.call(m, "votes"))
                    w.uint32(16).uint32(m.votes);
                return w;
            };

            /**
             * Decodes a SelectionVotes message from the specified reader or buffer.
             * @function decode
             * @memberof shailoo.v1.SelectionVotes
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shailoo.v1.SelectionVotes} SelectionVotes
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SelectionVotes.decode = function decode(r, l, e, n) {
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
                m = new $root.shailoo.v1.SelectionVotes();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.selectionId = r.string();
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
             * Creates a SelectionVotes message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shailoo.v1.SelectionVotes
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shailoo.v1.SelectionVotes} SelectionVotes
             */
            SelectionVotes.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shailoo.v1.SelectionVotes)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shailoo.v1.SelectionVotes: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shailoo.v1.SelectionVotes();
                if (d.selectionId != null) {
                    m.selectionId = String(d.selectionId);
                }
                if (d.votes != null) {
                    m.votes = d.votes >>> 0;
                }
                return m;
            };

            /**
             * Creates a plain object from a SelectionVotes message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shailoo.v1.SelectionVotes
             * @static
             * @param {shailoo.v1.SelectionVotes} m SelectionVotes
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SelectionVotes.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.selectionId = "";
                    d.votes = 0;
                }
                if (m.selectionId != null && Object.hasOwnProperty.call(m, "selectionId")) {
                    d.selectionId = m.selectionId;
                }
                if (m.votes != null && Object.hasOwnProperty.call(m, "votes")) {
                    d.votes = m.votes;
                }
                return d;
            };

            /**
             * Converts this SelectionVotes to JSON.
             * @function toJSON
             * @memberof shailoo.v1.SelectionVotes
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SelectionVotes.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for SelectionVotes
             * @function getTypeUrl
             * @memberof shailoo.v1.SelectionVotes
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            SelectionVotes.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shailoo.v1.SelectionVotes";
            };

            return SelectionVotes;
        })();

        v1.ContestCount = (function() {

            /**
             * Properties of a ContestCount.
             * @memberof shailoo.v1
             * @interface IContestCount
             * @property {string|null} [contestId] ContestCount contestId
             * @property {Array.<shailoo.v1.ISelectionVotes>|null} [votes] ContestCount votes
             * @property {number|null} [invalidBallots] ContestCount invalidBallots
             * @property {number|null} [ballotsInBox] ContestCount ballotsInBox
             * @property {number|null} [againstAll] ContestCount againstAll
             * @property {number|null} [ballotsReceived] ContestCount ballotsReceived
             * @property {number|null} [ballotsIssued] ContestCount ballotsIssued
             * @property {number|null} [ballotsUnused] ContestCount ballotsUnused
             * @property {number|null} [ballotsSpoiled] ContestCount ballotsSpoiled
             * @property {number|null} [validBallots] ContestCount validBallots
             */

            /**
             * Constructs a new ContestCount.
             * @memberof shailoo.v1
             * @classdesc Represents a ContestCount.
             * @implements IContestCount
             * @constructor
             * @param {shailoo.v1.IContestCount=} [p] Properties to set
             */
            function ContestCount(p) {
                this.votes = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * ContestCount contestId.
             * @member {string} contestId
             * @memberof shailoo.v1.ContestCount
             * @instance
             */
            ContestCount.prototype.contestId = "";

            /**
             * ContestCount votes.
             * @member {Array.<shailoo.v1.ISelectionVotes>} votes
             * @memberof shailoo.v1.ContestCount
             * @instance
             */
            ContestCount.prototype.votes = $util.emptyArray;

            /**
             * ContestCount invalidBallots.
             * @member {number} invalidBallots
             * @memberof shailoo.v1.ContestCount
             * @instance
             */
            ContestCount.prototype.invalidBallots = 0;

            /**
             * ContestCount ballotsInBox.
             * @member {number} ballotsInBox
             * @memberof shailoo.v1.ContestCount
             * @instance
             */
            ContestCount.prototype.ballotsInBox = 0;

            /**
             * ContestCount againstAll.
             * @member {number} againstAll
             * @memberof shailoo.v1.ContestCount
             * @instance
             */
            ContestCount.prototype.againstAll = 0;

            /**
             * ContestCount ballotsReceived.
             * @member {number} ballotsReceived
             * @memberof shailoo.v1.ContestCount
             * @instance
             */
            ContestCount.prototype.ballotsReceived = 0;

            /**
             * ContestCount ballotsIssued.
             * @member {number} ballotsIssued
             * @memberof shailoo.v1.ContestCount
             * @instance
             */
            ContestCount.prototype.ballotsIssued = 0;

            /**
             * ContestCount ballotsUnused.
             * @member {number} ballotsUnused
             * @memberof shailoo.v1.ContestCount
             * @instance
             */
            ContestCount.prototype.ballotsUnused = 0;

            /**
             * ContestCount ballotsSpoiled.
             * @member {number} ballotsSpoiled
             * @memberof shailoo.v1.ContestCount
             * @instance
             */
            ContestCount.prototype.ballotsSpoiled = 0;

            /**
             * ContestCount validBallots.
             * @member {number} validBallots
             * @memberof shailoo.v1.ContestCount
             * @instance
             */
            ContestCount.prototype.validBallots = 0;

            /**
             * Creates a new ContestCount instance using the specified properties.
             * @function create
             * @memberof shailoo.v1.ContestCount
             * @static
             * @param {shailoo.v1.IContestCount=} [properties] Properties to set
             * @returns {shailoo.v1.ContestCount} ContestCount instance
             */
            ContestCount.create = function create(properties) {
                return new ContestCount(properties);
            };

            /**
             * Encodes the specified ContestCount message. Does not implicitly {@link shailoo.v1.ContestCount.verify|verify} messages.
             * @function encode
             * @memberof shailoo.v1.ContestCount
             * @static
             * @param {shailoo.v1.IContestCount} m ContestCount message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ContestCount.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.contestId != null && Object.hasOwnProperty.call(m, "contestId"))
                    w.uint32(10).string(m.contestId);
                if (m.votes != null && m.votes.length) {
                    for (var i = 0; i < m.votes.length; ++i)
                        $root.shailoo.v1.SelectionVotes.encode(m.votes[i], w.uint32(18).fork(), q + 1).ldelim();
                }
                if (m.invalidBallots != null && Object.hasOwnProperty.call(m, "invalidBallots"))
                    w.uint32(24).uint32(m.invalidBallots);
                if (m.ballotsInBox != null && Object.hasOwnProperty.call(m, "ballotsInBox"))
                    w.uint32(32).uint32(m.ballotsInBox);
                if (m.againstAll != null && Object.hasOwnProperty.call(m, "againstAll"))
                    w.uint32(40).uint32(m.againstAll);
                if (m.ballotsReceived != null && Object.hasOwnProperty.call(m, "ballotsReceived"))
                    w.uint32(48).uint32(m.ballotsReceived);
                if (m.ballotsIssued != null && Object.hasOwnProperty.call(m, "ballotsIssued"))
                    w.uint32(56).uint32(m.ballotsIssued);
                if (m.ballotsUnused != null && Object.hasOwnProperty.call(m, "ballotsUnused"))
                    w.uint32(64).uint32(m.ballotsUnused);
                if (m.ballotsSpoiled != null && Object.hasOwnProperty.call(m, "ballotsSpoiled"))
                    w.uint32(72).uint32(m.ballotsSpoiled);
                if (m.validBallots != null && Object.hasOwnProperty.call(m, "validBallots"))
                    w.uint32(80).uint32(m.validBallots);
                return w;
            };

            /**
             * Decodes a ContestCount message from the specified reader or buffer.
             * @function decode
             * @memberof shailoo.v1.ContestCount
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shailoo.v1.ContestCount} ContestCount
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ContestCount.decode = function decode(r, l, e, n) {
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
                m = new $root.shailoo.v1.ContestCount();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.contestId = r.string();
                            break;
                        }
                    case 2: {
                            if (!(m.votes && m.votes.length))
                                m.votes = [];
                            m.votes.push($root.shailoo.v1.SelectionVotes.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    case 3: {
                            m.invalidBallots = r.uint32();
                            break;
                        }
                    case 4: {
                            m.ballotsInBox = r.uint32();
                            break;
                        }
                    case 5: {
                            m.againstAll = r.uint32();
                            break;
                        }
                    case 6: {
                            m.ballotsReceived = r.uint32();
                            break;
                        }
                    case 7: {
                            m.ballotsIssued = r.uint32();
                            break;
                        }
                    case 8: {
                            m.ballotsUnused = r.uint32();
                            break;
                        }
                    case 9: {
                            m.ballotsSpoiled = r.uint32();
                            break;
                        }
                    case 10: {
                            m.validBallots = r.uint32();
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
             * Creates a ContestCount message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shailoo.v1.ContestCount
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shailoo.v1.ContestCount} ContestCount
             */
            ContestCount.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shailoo.v1.ContestCount)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shailoo.v1.ContestCount: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shailoo.v1.ContestCount();
                if (d.contestId != null) {
                    m.contestId = String(d.contestId);
                }
                if (d.votes) {
                    if (!Array.isArray(d.votes))
                        throw TypeError(".shailoo.v1.ContestCount.votes: array expected");
                    m.votes = [];
                    for (var i = 0; i < d.votes.length; ++i) {
                        if (!$util.isObject(d.votes[i]))
                            throw TypeError(".shailoo.v1.ContestCount.votes: object expected");
                        m.votes[i] = $root.shailoo.v1.SelectionVotes.fromObject(d.votes[i], n + 1);
                    }
                }
                if (d.invalidBallots != null) {
                    m.invalidBallots = d.invalidBallots >>> 0;
                }
                if (d.ballotsInBox != null) {
                    m.ballotsInBox = d.ballotsInBox >>> 0;
                }
                if (d.againstAll != null) {
                    m.againstAll = d.againstAll >>> 0;
                }
                if (d.ballotsReceived != null) {
                    m.ballotsReceived = d.ballotsReceived >>> 0;
                }
                if (d.ballotsIssued != null) {
                    m.ballotsIssued = d.ballotsIssued >>> 0;
                }
                if (d.ballotsUnused != null) {
                    m.ballotsUnused = d.ballotsUnused >>> 0;
                }
                if (d.ballotsSpoiled != null) {
                    m.ballotsSpoiled = d.ballotsSpoiled >>> 0;
                }
                if (d.validBallots != null) {
                    m.validBallots = d.validBallots >>> 0;
                }
                return m;
            };

            /**
             * Creates a plain object from a ContestCount message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shailoo.v1.ContestCount
             * @static
             * @param {shailoo.v1.ContestCount} m ContestCount
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ContestCount.toObject = function toObject(m, o, q) {
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
                    d.contestId = "";
                    d.invalidBallots = 0;
                    d.ballotsInBox = 0;
                    d.againstAll = 0;
                    d.ballotsReceived = 0;
                    d.ballotsIssued = 0;
                    d.ballotsUnused = 0;
                    d.ballotsSpoiled = 0;
                    d.validBallots = 0;
                }
                if (m.contestId != null && Object.hasOwnProperty.call(m, "contestId")) {
                    d.contestId = m.contestId;
                }
                if (m.votes && m.votes.length) {
                    d.votes = [];
                    for (var j = 0; j < m.votes.length; ++j) {
                        d.votes[j] = $root.shailoo.v1.SelectionVotes.toObject(m.votes[j], o, q + 1);
                    }
                }
                if (m.invalidBallots != null && Object.hasOwnProperty.call(m, "invalidBallots")) {
                    d.invalidBallots = m.invalidBallots;
                }
                if (m.ballotsInBox != null && Object.hasOwnProperty.call(m, "ballotsInBox")) {
                    d.ballotsInBox = m.ballotsInBox;
                }
                if (m.againstAll != null && Object.hasOwnProperty.call(m, "againstAll")) {
                    d.againstAll = m.againstAll;
                }
                if (m.ballotsReceived != null && Object.hasOwnProperty.call(m, "ballotsReceived")) {
                    d.ballotsReceived = m.ballotsReceived;
                }
                if (m.ballotsIssued != null && Object.hasOwnProperty.call(m, "ballotsIssued")) {
                    d.ballotsIssued = m.ballotsIssued;
                }
                if (m.ballotsUnused != null && Object.hasOwnProperty.call(m, "ballotsUnused")) {
                    d.ballotsUnused = m.ballotsUnused;
                }
                if (m.ballotsSpoiled != null && Object.hasOwnProperty.call(m, "ballotsSpoiled")) {
                    d.ballotsSpoiled = m.ballotsSpoiled;
                }
                if (m.validBallots != null && Object.hasOwnProperty.call(m, "validBallots")) {
                    d.validBallots = m.validBallots;
                }
                return d;
            };

            /**
             * Converts this ContestCount to JSON.
             * @function toJSON
             * @memberof shailoo.v1.ContestCount
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ContestCount.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for ContestCount
             * @function getTypeUrl
             * @memberof shailoo.v1.ContestCount
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ContestCount.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shailoo.v1.ContestCount";
            };

            return ContestCount;
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
             * @property {Array.<shailoo.v1.IContestCount>|null} [contests] PrecinctResult contests
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
                this.contests = [];
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
             * PrecinctResult contests.
             * @member {Array.<shailoo.v1.IContestCount>} contests
             * @memberof shailoo.v1.PrecinctResult
             * @instance
             */
            PrecinctResult.prototype.contests = $util.emptyArray;

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
                if (m.contests != null && m.contests.length) {
                    for (var i = 0; i < m.contests.length; ++i)
                        $root.shailoo.v1.ContestCount.encode(m.contests[i], w.uint32(90).fork(), q + 1).ldelim();
                }
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
                    case 11: {
                            if (!(m.contests && m.contests.length))
                                m.contests = [];
                            m.contests.push($root.shailoo.v1.ContestCount.decode(r, r.uint32(), undefined, n + 1));
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
                if (d.contests) {
                    if (!Array.isArray(d.contests))
                        throw TypeError(".shailoo.v1.PrecinctResult.contests: array expected");
                    m.contests = [];
                    for (var i = 0; i < d.contests.length; ++i) {
                        if (!$util.isObject(d.contests[i]))
                            throw TypeError(".shailoo.v1.PrecinctResult.contests: object expected");
                        m.contests[i] = $root.shailoo.v1.ContestCount.fromObject(d.contests[i], n + 1);
                    }
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
                    d.contests = [];
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
                if (m.contests && m.contests.length) {
                    d.contests = [];
                    for (var j = 0; j < m.contests.length; ++j) {
                        d.contests[j] = $root.shailoo.v1.ContestCount.toObject(m.contests[j], o, q + 1);
                    }
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

        v1.ManualProtocol = (function() {

            /**
             * Properties of a ManualProtocol.
             * @memberof shailoo.v1
             * @interface IManualProtocol
             * @property {string|null} [electionId] ManualProtocol electionId
             * @property {Uint8Array|null} [definitionHash] ManualProtocol definitionHash
             * @property {string|null} [precinctId] ManualProtocol precinctId
             * @property {string|null} [deviceId] ManualProtocol deviceId
             * @property {number|null} [sequence] ManualProtocol sequence
             * @property {number|null} [ballotsReceived] ManualProtocol ballotsReceived
             * @property {number|null} [ballotsIssued] ManualProtocol ballotsIssued
             * @property {number|null} [ballotsUnused] ManualProtocol ballotsUnused
             * @property {number|null} [ballotsSpoiled] ManualProtocol ballotsSpoiled
             * @property {number|null} [ballotsInBox] ManualProtocol ballotsInBox
             * @property {number|null} [validBallots] ManualProtocol validBallots
             * @property {number|null} [invalidBallots] ManualProtocol invalidBallots
             * @property {Array.<shailoo.v1.IPartyVotes>|null} [votes] ManualProtocol votes
             * @property {number|null} [againstAll] ManualProtocol againstAll
             * @property {boolean|null} [boxFailed] ManualProtocol boxFailed
             * @property {number|Long|null} [signedAtMs] ManualProtocol signedAtMs
             * @property {Array.<shailoo.v1.IContestCount>|null} [contests] ManualProtocol contests
             */

            /**
             * Constructs a new ManualProtocol.
             * @memberof shailoo.v1
             * @classdesc Represents a ManualProtocol.
             * @implements IManualProtocol
             * @constructor
             * @param {shailoo.v1.IManualProtocol=} [p] Properties to set
             */
            function ManualProtocol(p) {
                this.votes = [];
                this.contests = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * ManualProtocol electionId.
             * @member {string} electionId
             * @memberof shailoo.v1.ManualProtocol
             * @instance
             */
            ManualProtocol.prototype.electionId = "";

            /**
             * ManualProtocol definitionHash.
             * @member {Uint8Array} definitionHash
             * @memberof shailoo.v1.ManualProtocol
             * @instance
             */
            ManualProtocol.prototype.definitionHash = $util.newBuffer([]);

            /**
             * ManualProtocol precinctId.
             * @member {string} precinctId
             * @memberof shailoo.v1.ManualProtocol
             * @instance
             */
            ManualProtocol.prototype.precinctId = "";

            /**
             * ManualProtocol deviceId.
             * @member {string} deviceId
             * @memberof shailoo.v1.ManualProtocol
             * @instance
             */
            ManualProtocol.prototype.deviceId = "";

            /**
             * ManualProtocol sequence.
             * @member {number} sequence
             * @memberof shailoo.v1.ManualProtocol
             * @instance
             */
            ManualProtocol.prototype.sequence = 0;

            /**
             * ManualProtocol ballotsReceived.
             * @member {number} ballotsReceived
             * @memberof shailoo.v1.ManualProtocol
             * @instance
             */
            ManualProtocol.prototype.ballotsReceived = 0;

            /**
             * ManualProtocol ballotsIssued.
             * @member {number} ballotsIssued
             * @memberof shailoo.v1.ManualProtocol
             * @instance
             */
            ManualProtocol.prototype.ballotsIssued = 0;

            /**
             * ManualProtocol ballotsUnused.
             * @member {number} ballotsUnused
             * @memberof shailoo.v1.ManualProtocol
             * @instance
             */
            ManualProtocol.prototype.ballotsUnused = 0;

            /**
             * ManualProtocol ballotsSpoiled.
             * @member {number} ballotsSpoiled
             * @memberof shailoo.v1.ManualProtocol
             * @instance
             */
            ManualProtocol.prototype.ballotsSpoiled = 0;

            /**
             * ManualProtocol ballotsInBox.
             * @member {number} ballotsInBox
             * @memberof shailoo.v1.ManualProtocol
             * @instance
             */
            ManualProtocol.prototype.ballotsInBox = 0;

            /**
             * ManualProtocol validBallots.
             * @member {number} validBallots
             * @memberof shailoo.v1.ManualProtocol
             * @instance
             */
            ManualProtocol.prototype.validBallots = 0;

            /**
             * ManualProtocol invalidBallots.
             * @member {number} invalidBallots
             * @memberof shailoo.v1.ManualProtocol
             * @instance
             */
            ManualProtocol.prototype.invalidBallots = 0;

            /**
             * ManualProtocol votes.
             * @member {Array.<shailoo.v1.IPartyVotes>} votes
             * @memberof shailoo.v1.ManualProtocol
             * @instance
             */
            ManualProtocol.prototype.votes = $util.emptyArray;

            /**
             * ManualProtocol againstAll.
             * @member {number} againstAll
             * @memberof shailoo.v1.ManualProtocol
             * @instance
             */
            ManualProtocol.prototype.againstAll = 0;

            /**
             * ManualProtocol boxFailed.
             * @member {boolean} boxFailed
             * @memberof shailoo.v1.ManualProtocol
             * @instance
             */
            ManualProtocol.prototype.boxFailed = false;

            /**
             * ManualProtocol signedAtMs.
             * @member {number|Long} signedAtMs
             * @memberof shailoo.v1.ManualProtocol
             * @instance
             */
            ManualProtocol.prototype.signedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * ManualProtocol contests.
             * @member {Array.<shailoo.v1.IContestCount>} contests
             * @memberof shailoo.v1.ManualProtocol
             * @instance
             */
            ManualProtocol.prototype.contests = $util.emptyArray;

            /**
             * Creates a new ManualProtocol instance using the specified properties.
             * @function create
             * @memberof shailoo.v1.ManualProtocol
             * @static
             * @param {shailoo.v1.IManualProtocol=} [properties] Properties to set
             * @returns {shailoo.v1.ManualProtocol} ManualProtocol instance
             */
            ManualProtocol.create = function create(properties) {
                return new ManualProtocol(properties);
            };

            /**
             * Encodes the specified ManualProtocol message. Does not implicitly {@link shailoo.v1.ManualProtocol.verify|verify} messages.
             * @function encode
             * @memberof shailoo.v1.ManualProtocol
             * @static
             * @param {shailoo.v1.IManualProtocol} m ManualProtocol message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ManualProtocol.encode = function encode(m, w, q) {
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
                if (m.ballotsReceived != null && Object.hasOwnProperty.call(m, "ballotsReceived"))
                    w.uint32(48).uint32(m.ballotsReceived);
                if (m.ballotsIssued != null && Object.hasOwnProperty.call(m, "ballotsIssued"))
                    w.uint32(56).uint32(m.ballotsIssued);
                if (m.ballotsUnused != null && Object.hasOwnProperty.call(m, "ballotsUnused"))
                    w.uint32(64).uint32(m.ballotsUnused);
                if (m.ballotsSpoiled != null && Object.hasOwnProperty.call(m, "ballotsSpoiled"))
                    w.uint32(72).uint32(m.ballotsSpoiled);
                if (m.ballotsInBox != null && Object.hasOwnProperty.call(m, "ballotsInBox"))
                    w.uint32(80).uint32(m.ballotsInBox);
                if (m.validBallots != null && Object.hasOwnProperty.call(m, "validBallots"))
                    w.uint32(88).uint32(m.validBallots);
                if (m.invalidBallots != null && Object.hasOwnProperty.call(m, "invalidBallots"))
                    w.uint32(96).uint32(m.invalidBallots);
                if (m.votes != null && m.votes.length) {
                    for (var i = 0; i < m.votes.length; ++i)
                        $root.shailoo.v1.PartyVotes.encode(m.votes[i], w.uint32(106).fork(), q + 1).ldelim();
                }
                if (m.againstAll != null && Object.hasOwnProperty.call(m, "againstAll"))
                    w.uint32(112).uint32(m.againstAll);
                if (m.boxFailed != null && Object.hasOwnProperty.call(m, "boxFailed"))
                    w.uint32(120).bool(m.boxFailed);
                if (m.signedAtMs != null && Object.hasOwnProperty.call(m, "signedAtMs"))
                    w.uint32(128).int64(m.signedAtMs);
                if (m.contests != null && m.contests.length) {
                    for (var i = 0; i < m.contests.length; ++i)
                        $root.shailoo.v1.ContestCount.encode(m.contests[i], w.uint32(138).fork(), q + 1).ldelim();
                }
                return w;
            };

            /**
             * Decodes a ManualProtocol message from the specified reader or buffer.
             * @function decode
             * @memberof shailoo.v1.ManualProtocol
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shailoo.v1.ManualProtocol} ManualProtocol
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ManualProtocol.decode = function decode(r, l, e, n) {
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
                m = new $root.shailoo.v1.ManualProtocol();
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
                            m.ballotsReceived = r.uint32();
                            break;
                        }
                    case 7: {
                            m.ballotsIssued = r.uint32();
                            break;
                        }
                    case 8: {
                            m.ballotsUnused = r.uint32();
                            break;
                        }
                    case 9: {
                            m.ballotsSpoiled = r.uint32();
                            break;
                        }
                    case 10: {
                            m.ballotsInBox = r.uint32();
                            break;
                        }
                    case 11: {
                            m.validBallots = r.uint32();
                            break;
                        }
                    case 12: {
                            m.invalidBallots = r.uint32();
                            break;
                        }
                    case 13: {
                            if (!(m.votes && m.votes.length))
                                m.votes = [];
                            m.votes.push($root.shailoo.v1.PartyVotes.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    case 14: {
                            m.againstAll = r.uint32();
                            break;
                        }
                    case 15: {
                            m.boxFailed = r.bool();
                            break;
                        }
                    case 16: {
                            m.signedAtMs = r.int64();
                            break;
                        }
                    case 17: {
                            if (!(m.contests && m.contests.length))
                                m.contests = [];
                            m.contests.push($root.shailoo.v1.ContestCount.decode(r, r.uint32(), undefined, n + 1));
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
             * Creates a ManualProtocol message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shailoo.v1.ManualProtocol
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shailoo.v1.ManualProtocol} ManualProtocol
             */
            ManualProtocol.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shailoo.v1.ManualProtocol)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shailoo.v1.ManualProtocol: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shailoo.v1.ManualProtocol();
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
                if (d.ballotsReceived != null) {
                    m.ballotsReceived = d.ballotsReceived >>> 0;
                }
                if (d.ballotsIssued != null) {
                    m.ballotsIssued = d.ballotsIssued >>> 0;
                }
                if (d.ballotsUnused != null) {
                    m.ballotsUnused = d.ballotsUnused >>> 0;
                }
                if (d.ballotsSpoiled != null) {
                    m.ballotsSpoiled = d.ballotsSpoiled >>> 0;
                }
                if (d.ballotsInBox != null) {
                    m.ballotsInBox = d.ballotsInBox >>> 0;
                }
                if (d.validBallots != null) {
                    m.validBallots = d.validBallots >>> 0;
                }
                if (d.invalidBallots != null) {
                    m.invalidBallots = d.invalidBallots >>> 0;
                }
                if (d.votes) {
                    if (!Array.isArray(d.votes))
                        throw TypeError(".shailoo.v1.ManualProtocol.votes: array expected");
                    m.votes = [];
                    for (var i = 0; i < d.votes.length; ++i) {
                        if (!$util.isObject(d.votes[i]))
                            throw TypeError(".shailoo.v1.ManualProtocol.votes: object expected");
                        m.votes[i] = $root.shailoo.v1.PartyVotes.fromObject(d.votes[i], n + 1);
                    }
                }
                if (d.againstAll != null) {
                    m.againstAll = d.againstAll >>> 0;
                }
                if (d.boxFailed != null) {
                    m.boxFailed = Boolean(d.boxFailed);
                }
                if (d.signedAtMs != null) {
                    if ($util.Long)
                        m.signedAtMs = $util.Long.fromValue(d.signedAtMs, false);
                    else if (typeof d.signedAtMs === "string")
                        m.signedAtMs = parseInt(d.signedAtMs, 10);
                    else if (typeof d.signedAtMs === "number")
                        m.signedAtMs = d.signedAtMs;
                    else if (typeof d.signedAtMs === "object")
                        m.signedAtMs = new $util.LongBits(d.signedAtMs.low >>> 0, d.signedAtMs.high >>> 0).toNumber();
                }
                if (d.contests) {
                    if (!Array.isArray(d.contests))
                        throw TypeError(".shailoo.v1.ManualProtocol.contests: array expected");
                    m.contests = [];
                    for (var i = 0; i < d.contests.length; ++i) {
                        if (!$util.isObject(d.contests[i]))
                            throw TypeError(".shailoo.v1.ManualProtocol.contests: object expected");
                        m.contests[i] = $root.shailoo.v1.ContestCount.fromObject(d.contests[i], n + 1);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a ManualProtocol message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shailoo.v1.ManualProtocol
             * @static
             * @param {shailoo.v1.ManualProtocol} m ManualProtocol
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ManualProtocol.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.votes = [];
                    d.contests = [];
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
                    d.ballotsReceived = 0;
                    d.ballotsIssued = 0;
                    d.ballotsUnused = 0;
                    d.ballotsSpoiled = 0;
                    d.ballotsInBox = 0;
                    d.validBallots = 0;
                    d.invalidBallots = 0;
                    d.againstAll = 0;
                    d.boxFailed = false;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.signedAtMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                    } else
                        d.signedAtMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
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
                if (m.ballotsReceived != null && Object.hasOwnProperty.call(m, "ballotsReceived")) {
                    d.ballotsReceived = m.ballotsReceived;
                }
                if (m.ballotsIssued != null && Object.hasOwnProperty.call(m, "ballotsIssued")) {
                    d.ballotsIssued = m.ballotsIssued;
                }
                if (m.ballotsUnused != null && Object.hasOwnProperty.call(m, "ballotsUnused")) {
                    d.ballotsUnused = m.ballotsUnused;
                }
                if (m.ballotsSpoiled != null && Object.hasOwnProperty.call(m, "ballotsSpoiled")) {
                    d.ballotsSpoiled = m.ballotsSpoiled;
                }
                if (m.ballotsInBox != null && Object.hasOwnProperty.call(m, "ballotsInBox")) {
                    d.ballotsInBox = m.ballotsInBox;
                }
                if (m.validBallots != null && Object.hasOwnProperty.call(m, "validBallots")) {
                    d.validBallots = m.validBallots;
                }
                if (m.invalidBallots != null && Object.hasOwnProperty.call(m, "invalidBallots")) {
                    d.invalidBallots = m.invalidBallots;
                }
                if (m.votes && m.votes.length) {
                    d.votes = [];
                    for (var j = 0; j < m.votes.length; ++j) {
                        d.votes[j] = $root.shailoo.v1.PartyVotes.toObject(m.votes[j], o, q + 1);
                    }
                }
                if (m.againstAll != null && Object.hasOwnProperty.call(m, "againstAll")) {
                    d.againstAll = m.againstAll;
                }
                if (m.boxFailed != null && Object.hasOwnProperty.call(m, "boxFailed")) {
                    d.boxFailed = m.boxFailed;
                }
                if (m.signedAtMs != null && Object.hasOwnProperty.call(m, "signedAtMs")) {
                    if (typeof BigInt !== "undefined" && o.longs === BigInt)
                        d.signedAtMs = typeof m.signedAtMs === "number" ? BigInt(m.signedAtMs) : $util.Long.fromBits(m.signedAtMs.low >>> 0, m.signedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.signedAtMs === "number")
                        d.signedAtMs = o.longs === String ? String(m.signedAtMs) : m.signedAtMs;
                    else
                        d.signedAtMs = o.longs === String ? $util.Long.prototype.toString.call(m.signedAtMs) : o.longs === Number ? new $util.LongBits(m.signedAtMs.low >>> 0, m.signedAtMs.high >>> 0).toNumber() : m.signedAtMs;
                }
                if (m.contests && m.contests.length) {
                    d.contests = [];
                    for (var j = 0; j < m.contests.length; ++j) {
                        d.contests[j] = $root.shailoo.v1.ContestCount.toObject(m.contests[j], o, q + 1);
                    }
                }
                return d;
            };

            /**
             * Converts this ManualProtocol to JSON.
             * @function toJSON
             * @memberof shailoo.v1.ManualProtocol
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ManualProtocol.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for ManualProtocol
             * @function getTypeUrl
             * @memberof shailoo.v1.ManualProtocol
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ManualProtocol.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shailoo.v1.ManualProtocol";
            };

            return ManualProtocol;
        })();

        v1.RefusalCount = (function() {

            /**
             * Properties of a RefusalCount.
             * @memberof shailoo.v1
             * @interface IRefusalCount
             * @property {string|null} [reason] RefusalCount reason
             * @property {number|null} [count] RefusalCount count
             */

            /**
             * Constructs a new RefusalCount.
             * @memberof shailoo.v1
             * @classdesc Represents a RefusalCount.
             * @implements IRefusalCount
             * @constructor
             * @param {shailoo.v1.IRefusalCount=} [p] Properties to set
             */
            function RefusalCount(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * RefusalCount reason.
             * @member {string} reason
             * @memberof shailoo.v1.RefusalCount
             * @instance
             */
            RefusalCount.prototype.reason = "";

            /**
             * RefusalCount count.
             * @member {number} count
             * @memberof shailoo.v1.RefusalCount
             * @instance
             */
            RefusalCount.prototype.count = 0;

            /**
             * Creates a new RefusalCount instance using the specified properties.
             * @function create
             * @memberof shailoo.v1.RefusalCount
             * @static
             * @param {shailoo.v1.IRefusalCount=} [properties] Properties to set
             * @returns {shailoo.v1.RefusalCount} RefusalCount instance
             */
            RefusalCount.create = function create(properties) {
                return new RefusalCount(properties);
            };

            /**
             * Encodes the specified RefusalCount message. Does not implicitly {@link shailoo.v1.RefusalCount.verify|verify} messages.
             * @function encode
             * @memberof shailoo.v1.RefusalCount
             * @static
             * @param {shailoo.v1.IRefusalCount} m RefusalCount message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RefusalCount.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.reason != null && Object.hasOwnProperty.call(m, "reason"))
                    w.uint32(10).string(m.reason);
                if (m.count != null && Object.hasOwnProperty.call(m, "count"))
                    w.uint32(16).uint32(m.count);
                return w;
            };

            /**
             * Decodes a RefusalCount message from the specified reader or buffer.
             * @function decode
             * @memberof shailoo.v1.RefusalCount
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shailoo.v1.RefusalCount} RefusalCount
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RefusalCount.decode = function decode(r, l, e, n) {
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
                m = new $root.shailoo.v1.RefusalCount();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.reason = r.string();
                            break;
                        }
                    case 2: {
                            m.count = r.uint32();
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
             * Creates a RefusalCount message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shailoo.v1.RefusalCount
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shailoo.v1.RefusalCount} RefusalCount
             */
            RefusalCount.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shailoo.v1.RefusalCount)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shailoo.v1.RefusalCount: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shailoo.v1.RefusalCount();
                if (d.reason != null) {
                    m.reason = String(d.reason);
                }
                if (d.count != null) {
                    m.count = d.count >>> 0;
                }
                return m;
            };

            /**
             * Creates a plain object from a RefusalCount message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shailoo.v1.RefusalCount
             * @static
             * @param {shailoo.v1.RefusalCount} m RefusalCount
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RefusalCount.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.reason = "";
                    d.count = 0;
                }
                if (m.reason != null && Object.hasOwnProperty.call(m, "reason")) {
                    d.reason = m.reason;
                }
                if (m.count != null && Object.hasOwnProperty.call(m, "count")) {
                    d.count = m.count;
                }
                return d;
            };

            /**
             * Converts this RefusalCount to JSON.
             * @function toJSON
             * @memberof shailoo.v1.RefusalCount
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RefusalCount.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for RefusalCount
             * @function getTypeUrl
             * @memberof shailoo.v1.RefusalCount
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            RefusalCount.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shailoo.v1.RefusalCount";
            };

            return RefusalCount;
        })();

        v1.DoubleVote = (function() {

            /**
             * Properties of a DoubleVote.
             * @memberof shailoo.v1
             * @interface IDoubleVote
             * @property {string|null} [voterRef] DoubleVote voterRef
             * @property {string|null} [otherPrecinctId] DoubleVote otherPrecinctId
             * @property {number|Long|null} [hereAtMs] DoubleVote hereAtMs
             * @property {number|Long|null} [thereAtMs] DoubleVote thereAtMs
             */

            /**
             * Constructs a new DoubleVote.
             * @memberof shailoo.v1
             * @classdesc Represents a DoubleVote.
             * @implements IDoubleVote
             * @constructor
             * @param {shailoo.v1.IDoubleVote=} [p] Properties to set
             */
            function DoubleVote(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * DoubleVote voterRef.
             * @member {string} voterRef
             * @memberof shailoo.v1.DoubleVote
             * @instance
             */
            DoubleVote.prototype.voterRef = "";

            /**
             * DoubleVote otherPrecinctId.
             * @member {string} otherPrecinctId
             * @memberof shailoo.v1.DoubleVote
             * @instance
             */
            DoubleVote.prototype.otherPrecinctId = "";

            /**
             * DoubleVote hereAtMs.
             * @member {number|Long} hereAtMs
             * @memberof shailoo.v1.DoubleVote
             * @instance
             */
            DoubleVote.prototype.hereAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * DoubleVote thereAtMs.
             * @member {number|Long} thereAtMs
             * @memberof shailoo.v1.DoubleVote
             * @instance
             */
            DoubleVote.prototype.thereAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new DoubleVote instance using the specified properties.
             * @function create
             * @memberof shailoo.v1.DoubleVote
             * @static
             * @param {shailoo.v1.IDoubleVote=} [properties] Properties to set
             * @returns {shailoo.v1.DoubleVote} DoubleVote instance
             */
            DoubleVote.create = function create(properties) {
                return new DoubleVote(properties);
            };

            /**
             * Encodes the specified DoubleVote message. Does not implicitly {@link shailoo.v1.DoubleVote.verify|verify} messages.
             * @function encode
             * @memberof shailoo.v1.DoubleVote
             * @static
             * @param {shailoo.v1.IDoubleVote} m DoubleVote message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DoubleVote.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.voterRef != null && Object.hasOwnProperty.call(m, "voterRef"))
                    w.uint32(10).string(m.voterRef);
                if (m.otherPrecinctId != null && Object.hasOwnProperty.call(m, "otherPrecinctId"))
                    w.uint32(18).string(m.otherPrecinctId);
                if (m.hereAtMs != null && Object.hasOwnProperty.call(m, "hereAtMs"))
                    w.uint32(24).int64(m.hereAtMs);
                if (m.thereAtMs != null && Object.hasOwnProperty.call(m, "thereAtMs"))
                    w.uint32(32).int64(m.thereAtMs);
                return w;
            };

            /**
             * Decodes a DoubleVote message from the specified reader or buffer.
             * @function decode
             * @memberof shailoo.v1.DoubleVote
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shailoo.v1.DoubleVote} DoubleVote
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DoubleVote.decode = function decode(r, l, e, n) {
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
                m = new $root.shailoo.v1.DoubleVote();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.voterRef = r.string();
                            break;
                        }
                    case 2: {
                            m.otherPrecinctId = r.string();
                            break;
                        }
                    case 3: {
                            m.hereAtMs = r.int64();
                            break;
                        }
                    case 4: {
                            m.thereAtMs = r.int64();
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
             * Creates a DoubleVote message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shailoo.v1.DoubleVote
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shailoo.v1.DoubleVote} DoubleVote
             */
            DoubleVote.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shailoo.v1.DoubleVote)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shailoo.v1.DoubleVote: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shailoo.v1.DoubleVote();
                if (d.voterRef != null) {
                    m.voterRef = String(d.voterRef);
                }
                if (d.otherPrecinctId != null) {
                    m.otherPrecinctId = String(d.otherPrecinctId);
                }
                if (d.hereAtMs != null) {
                    if ($util.Long)
                        m.hereAtMs = $util.Long.fromValue(d.hereAtMs, false);
                    else if (typeof d.hereAtMs === "string")
                        m.hereAtMs = parseInt(d.hereAtMs, 10);
                    else if (typeof d.hereAtMs === "number")
                        m.hereAtMs = d.hereAtMs;
                    else if (typeof d.hereAtMs === "object")
                        m.hereAtMs = new $util.LongBits(d.hereAtMs.low >>> 0, d.hereAtMs.high >>> 0).toNumber();
                }
                if (d.thereAtMs != null) {
                    if ($util.Long)
                        m.thereAtMs = $util.Long.fromValue(d.thereAtMs, false);
                    else if (typeof d.thereAtMs === "string")
                        m.thereAtMs = parseInt(d.thereAtMs, 10);
                    else if (typeof d.thereAtMs === "number")
                        m.thereAtMs = d.thereAtMs;
                    else if (typeof d.thereAtMs === "object")
                        m.thereAtMs = new $util.LongBits(d.thereAtMs.low >>> 0, d.thereAtMs.high >>> 0).toNumber();
                }
                return m;
            };

            /**
             * Creates a plain object from a DoubleVote message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shailoo.v1.DoubleVote
             * @static
             * @param {shailoo.v1.DoubleVote} m DoubleVote
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DoubleVote.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.voterRef = "";
                    d.otherPrecinctId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.hereAtMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                    } else
                        d.hereAtMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.thereAtMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                    } else
                        d.thereAtMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                }
                if (m.voterRef != null && Object.hasOwnProperty.call(m, "voterRef")) {
                    d.voterRef = m.voterRef;
                }
                if (m.otherPrecinctId != null && Object.hasOwnProperty.call(m, "otherPrecinctId")) {
                    d.otherPrecinctId = m.otherPrecinctId;
                }
                if (m.hereAtMs != null && Object.hasOwnProperty.call(m, "hereAtMs")) {
                    if (typeof BigInt !== "undefined" && o.longs === BigInt)
                        d.hereAtMs = typeof m.hereAtMs === "number" ? BigInt(m.hereAtMs) : $util.Long.fromBits(m.hereAtMs.low >>> 0, m.hereAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.hereAtMs === "number")
                        d.hereAtMs = o.longs === String ? String(m.hereAtMs) : m.hereAtMs;
                    else
                        d.hereAtMs = o.longs === String ? $util.Long.prototype.toString.call(m.hereAtMs) : o.longs === Number ? new $util.LongBits(m.hereAtMs.low >>> 0, m.hereAtMs.high >>> 0).toNumber() : m.hereAtMs;
                }
                if (m.thereAtMs != null && Object.hasOwnProperty.call(m, "thereAtMs")) {
                    if (typeof BigInt !== "undefined" && o.longs === BigInt)
                        d.thereAtMs = typeof m.thereAtMs === "number" ? BigInt(m.thereAtMs) : $util.Long.fromBits(m.thereAtMs.low >>> 0, m.thereAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.thereAtMs === "number")
                        d.thereAtMs = o.longs === String ? String(m.thereAtMs) : m.thereAtMs;
                    else
                        d.thereAtMs = o.longs === String ? $util.Long.prototype.toString.call(m.thereAtMs) : o.longs === Number ? new $util.LongBits(m.thereAtMs.low >>> 0, m.thereAtMs.high >>> 0).toNumber() : m.thereAtMs;
                }
                return d;
            };

            /**
             * Converts this DoubleVote to JSON.
             * @function toJSON
             * @memberof shailoo.v1.DoubleVote
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DoubleVote.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for DoubleVote
             * @function getTypeUrl
             * @memberof shailoo.v1.DoubleVote
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            DoubleVote.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shailoo.v1.DoubleVote";
            };

            return DoubleVote;
        })();

        v1.IdentificationReport = (function() {

            /**
             * Properties of an IdentificationReport.
             * @memberof shailoo.v1
             * @interface IIdentificationReport
             * @property {string|null} [electionId] IdentificationReport electionId
             * @property {Uint8Array|null} [definitionHash] IdentificationReport definitionHash
             * @property {string|null} [precinctId] IdentificationReport precinctId
             * @property {string|null} [deviceId] IdentificationReport deviceId
             * @property {number|null} [sequence] IdentificationReport sequence
             * @property {number|null} [identifiedByFingerprint] IdentificationReport identifiedByFingerprint
             * @property {number|null} [identifiedByFace] IdentificationReport identifiedByFace
             * @property {Array.<shailoo.v1.IRefusalCount>|null} [refused] IdentificationReport refused
             * @property {number|null} [slipsPrinted] IdentificationReport slipsPrinted
             * @property {Array.<shailoo.v1.IDoubleVote>|null} [doubleVotes] IdentificationReport doubleVotes
             * @property {number|Long|null} [closedAtMs] IdentificationReport closedAtMs
             */

            /**
             * Constructs a new IdentificationReport.
             * @memberof shailoo.v1
             * @classdesc Represents an IdentificationReport.
             * @implements IIdentificationReport
             * @constructor
             * @param {shailoo.v1.IIdentificationReport=} [p] Properties to set
             */
            function IdentificationReport(p) {
                this.refused = [];
                this.doubleVotes = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * IdentificationReport electionId.
             * @member {string} electionId
             * @memberof shailoo.v1.IdentificationReport
             * @instance
             */
            IdentificationReport.prototype.electionId = "";

            /**
             * IdentificationReport definitionHash.
             * @member {Uint8Array} definitionHash
             * @memberof shailoo.v1.IdentificationReport
             * @instance
             */
            IdentificationReport.prototype.definitionHash = $util.newBuffer([]);

            /**
             * IdentificationReport precinctId.
             * @member {string} precinctId
             * @memberof shailoo.v1.IdentificationReport
             * @instance
             */
            IdentificationReport.prototype.precinctId = "";

            /**
             * IdentificationReport deviceId.
             * @member {string} deviceId
             * @memberof shailoo.v1.IdentificationReport
             * @instance
             */
            IdentificationReport.prototype.deviceId = "";

            /**
             * IdentificationReport sequence.
             * @member {number} sequence
             * @memberof shailoo.v1.IdentificationReport
             * @instance
             */
            IdentificationReport.prototype.sequence = 0;

            /**
             * IdentificationReport identifiedByFingerprint.
             * @member {number} identifiedByFingerprint
             * @memberof shailoo.v1.IdentificationReport
             * @instance
             */
            IdentificationReport.prototype.identifiedByFingerprint = 0;

            /**
             * IdentificationReport identifiedByFace.
             * @member {number} identifiedByFace
             * @memberof shailoo.v1.IdentificationReport
             * @instance
             */
            IdentificationReport.prototype.identifiedByFace = 0;

            /**
             * IdentificationReport refused.
             * @member {Array.<shailoo.v1.IRefusalCount>} refused
             * @memberof shailoo.v1.IdentificationReport
             * @instance
             */
            IdentificationReport.prototype.refused = $util.emptyArray;

            /**
             * IdentificationReport slipsPrinted.
             * @member {number} slipsPrinted
             * @memberof shailoo.v1.IdentificationReport
             * @instance
             */
            IdentificationReport.prototype.slipsPrinted = 0;

            /**
             * IdentificationReport doubleVotes.
             * @member {Array.<shailoo.v1.IDoubleVote>} doubleVotes
             * @memberof shailoo.v1.IdentificationReport
             * @instance
             */
            IdentificationReport.prototype.doubleVotes = $util.emptyArray;

            /**
             * IdentificationReport closedAtMs.
             * @member {number|Long} closedAtMs
             * @memberof shailoo.v1.IdentificationReport
             * @instance
             */
            IdentificationReport.prototype.closedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new IdentificationReport instance using the specified properties.
             * @function create
             * @memberof shailoo.v1.IdentificationReport
             * @static
             * @param {shailoo.v1.IIdentificationReport=} [properties] Properties to set
             * @returns {shailoo.v1.IdentificationReport} IdentificationReport instance
             */
            IdentificationReport.create = function create(properties) {
                return new IdentificationReport(properties);
            };

            /**
             * Encodes the specified IdentificationReport message. Does not implicitly {@link shailoo.v1.IdentificationReport.verify|verify} messages.
             * @function encode
             * @memberof shailoo.v1.IdentificationReport
             * @static
             * @param {shailoo.v1.IIdentificationReport} m IdentificationReport message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            IdentificationReport.encode = function encode(m, w, q) {
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
                if (m.identifiedByFingerprint != null && Object.hasOwnProperty.call(m, "identifiedByFingerprint"))
                    w.uint32(48).uint32(m.identifiedByFingerprint);
                if (m.identifiedByFace != null && Object.hasOwnProperty.call(m, "identifiedByFace"))
                    w.uint32(56).uint32(m.identifiedByFace);
                if (m.refused != null && m.refused.length) {
                    for (var i = 0; i < m.refused.length; ++i)
                        $root.shailoo.v1.RefusalCount.encode(m.refused[i], w.uint32(66).fork(), q + 1).ldelim();
                }
                if (m.slipsPrinted != null && Object.hasOwnProperty.call(m, "slipsPrinted"))
                    w.uint32(72).uint32(m.slipsPrinted);
                if (m.doubleVotes != null && m.doubleVotes.length) {
                    for (var i = 0; i < m.doubleVotes.length; ++i)
                        $root.shailoo.v1.DoubleVote.encode(m.doubleVotes[i], w.uint32(82).fork(), q + 1).ldelim();
                }
                if (m.closedAtMs != null && Object.hasOwnProperty.call(m, "closedAtMs"))
                    w.uint32(88).int64(m.closedAtMs);
                return w;
            };

            /**
             * Decodes an IdentificationReport message from the specified reader or buffer.
             * @function decode
             * @memberof shailoo.v1.IdentificationReport
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shailoo.v1.IdentificationReport} IdentificationReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            IdentificationReport.decode = function decode(r, l, e, n) {
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
                m = new $root.shailoo.v1.IdentificationReport();
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
                            m.identifiedByFingerprint = r.uint32();
                            break;
                        }
                    case 7: {
                            m.identifiedByFace = r.uint32();
                            break;
                        }
                    case 8: {
                            if (!(m.refused && m.refused.length))
                                m.refused = [];
                            m.refused.push($root.shailoo.v1.RefusalCount.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    case 9: {
                            m.slipsPrinted = r.uint32();
                            break;
                        }
                    case 10: {
                            if (!(m.doubleVotes && m.doubleVotes.length))
                                m.doubleVotes = [];
                            m.doubleVotes.push($root.shailoo.v1.DoubleVote.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    case 11: {
                            m.closedAtMs = r.int64();
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
             * Creates an IdentificationReport message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shailoo.v1.IdentificationReport
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shailoo.v1.IdentificationReport} IdentificationReport
             */
            IdentificationReport.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shailoo.v1.IdentificationReport)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shailoo.v1.IdentificationReport: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shailoo.v1.IdentificationReport();
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
                if (d.identifiedByFingerprint != null) {
                    m.identifiedByFingerprint = d.identifiedByFingerprint >>> 0;
                }
                if (d.identifiedByFace != null) {
                    m.identifiedByFace = d.identifiedByFace >>> 0;
                }
                if (d.refused) {
                    if (!Array.isArray(d.refused))
                        throw TypeError(".shailoo.v1.IdentificationReport.refused: array expected");
                    m.refused = [];
                    for (var i = 0; i < d.refused.length; ++i) {
                        if (!$util.isObject(d.refused[i]))
                            throw TypeError(".shailoo.v1.IdentificationReport.refused: object expected");
                        m.refused[i] = $root.shailoo.v1.RefusalCount.fromObject(d.refused[i], n + 1);
                    }
                }
                if (d.slipsPrinted != null) {
                    m.slipsPrinted = d.slipsPrinted >>> 0;
                }
                if (d.doubleVotes) {
                    if (!Array.isArray(d.doubleVotes))
                        throw TypeError(".shailoo.v1.IdentificationReport.doubleVotes: array expected");
                    m.doubleVotes = [];
                    for (var i = 0; i < d.doubleVotes.length; ++i) {
                        if (!$util.isObject(d.doubleVotes[i]))
                            throw TypeError(".shailoo.v1.IdentificationReport.doubleVotes: object expected");
                        m.doubleVotes[i] = $root.shailoo.v1.DoubleVote.fromObject(d.doubleVotes[i], n + 1);
                    }
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
                return m;
            };

            /**
             * Creates a plain object from an IdentificationReport message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shailoo.v1.IdentificationReport
             * @static
             * @param {shailoo.v1.IdentificationReport} m IdentificationReport
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            IdentificationReport.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.refused = [];
                    d.doubleVotes = [];
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
                    d.identifiedByFingerprint = 0;
                    d.identifiedByFace = 0;
                    d.slipsPrinted = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.closedAtMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                    } else
                        d.closedAtMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
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
                if (m.identifiedByFingerprint != null && Object.hasOwnProperty.call(m, "identifiedByFingerprint")) {
                    d.identifiedByFingerprint = m.identifiedByFingerprint;
                }
                if (m.identifiedByFace != null && Object.hasOwnProperty.call(m, "identifiedByFace")) {
                    d.identifiedByFace = m.identifiedByFace;
                }
                if (m.refused && m.refused.length) {
                    d.refused = [];
                    for (var j = 0; j < m.refused.length; ++j) {
                        d.refused[j] = $root.shailoo.v1.RefusalCount.toObject(m.refused[j], o, q + 1);
                    }
                }
                if (m.slipsPrinted != null && Object.hasOwnProperty.call(m, "slipsPrinted")) {
                    d.slipsPrinted = m.slipsPrinted;
                }
                if (m.doubleVotes && m.doubleVotes.length) {
                    d.doubleVotes = [];
                    for (var j = 0; j < m.doubleVotes.length; ++j) {
                        d.doubleVotes[j] = $root.shailoo.v1.DoubleVote.toObject(m.doubleVotes[j], o, q + 1);
                    }
                }
                if (m.closedAtMs != null && Object.hasOwnProperty.call(m, "closedAtMs")) {
                    if (typeof BigInt !== "undefined" && o.longs === BigInt)
                        d.closedAtMs = typeof m.closedAtMs === "number" ? BigInt(m.closedAtMs) : $util.Long.fromBits(m.closedAtMs.low >>> 0, m.closedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.closedAtMs === "number")
                        d.closedAtMs = o.longs === String ? String(m.closedAtMs) : m.closedAtMs;
                    else
                        d.closedAtMs = o.longs === String ? $util.Long.prototype.toString.call(m.closedAtMs) : o.longs === Number ? new $util.LongBits(m.closedAtMs.low >>> 0, m.closedAtMs.high >>> 0).toNumber() : m.closedAtMs;
                }
                return d;
            };

            /**
             * Converts this IdentificationReport to JSON.
             * @function toJSON
             * @memberof shailoo.v1.IdentificationReport
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            IdentificationReport.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for IdentificationReport
             * @function getTypeUrl
             * @memberof shailoo.v1.IdentificationReport
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            IdentificationReport.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shailoo.v1.IdentificationReport";
            };

            return IdentificationReport;
        })();

        v1.TurnoutSnapshot = (function() {

            /**
             * Properties of a TurnoutSnapshot.
             * @memberof shailoo.v1
             * @interface ITurnoutSnapshot
             * @property {string|null} [electionId] TurnoutSnapshot electionId
             * @property {Uint8Array|null} [definitionHash] TurnoutSnapshot definitionHash
             * @property {string|null} [precinctId] TurnoutSnapshot precinctId
             * @property {string|null} [deviceId] TurnoutSnapshot deviceId
             * @property {number|null} [sequence] TurnoutSnapshot sequence
             * @property {number|null} [hour] TurnoutSnapshot hour
             * @property {number|null} [voters] TurnoutSnapshot voters
             * @property {number|Long|null} [takenAtMs] TurnoutSnapshot takenAtMs
             */

            /**
             * Constructs a new TurnoutSnapshot.
             * @memberof shailoo.v1
             * @classdesc Represents a TurnoutSnapshot.
             * @implements ITurnoutSnapshot
             * @constructor
             * @param {shailoo.v1.ITurnoutSnapshot=} [p] Properties to set
             */
            function TurnoutSnapshot(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * TurnoutSnapshot electionId.
             * @member {string} electionId
             * @memberof shailoo.v1.TurnoutSnapshot
             * @instance
             */
            TurnoutSnapshot.prototype.electionId = "";

            /**
             * TurnoutSnapshot definitionHash.
             * @member {Uint8Array} definitionHash
             * @memberof shailoo.v1.TurnoutSnapshot
             * @instance
             */
            TurnoutSnapshot.prototype.definitionHash = $util.newBuffer([]);

            /**
             * TurnoutSnapshot precinctId.
             * @member {string} precinctId
             * @memberof shailoo.v1.TurnoutSnapshot
             * @instance
             */
            TurnoutSnapshot.prototype.precinctId = "";

            /**
             * TurnoutSnapshot deviceId.
             * @member {string} deviceId
             * @memberof shailoo.v1.TurnoutSnapshot
             * @instance
             */
            TurnoutSnapshot.prototype.deviceId = "";

            /**
             * TurnoutSnapshot sequence.
             * @member {number} sequence
             * @memberof shailoo.v1.TurnoutSnapshot
             * @instance
             */
            TurnoutSnapshot.prototype.sequence = 0;

            /**
             * TurnoutSnapshot hour.
             * @member {number} hour
             * @memberof shailoo.v1.TurnoutSnapshot
             * @instance
             */
            TurnoutSnapshot.prototype.hour = 0;

            /**
             * TurnoutSnapshot voters.
             * @member {number} voters
             * @memberof shailoo.v1.TurnoutSnapshot
             * @instance
             */
            TurnoutSnapshot.prototype.voters = 0;

            /**
             * TurnoutSnapshot takenAtMs.
             * @member {number|Long} takenAtMs
             * @memberof shailoo.v1.TurnoutSnapshot
             * @instance
             */
            TurnoutSnapshot.prototype.takenAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new TurnoutSnapshot instance using the specified properties.
             * @function create
             * @memberof shailoo.v1.TurnoutSnapshot
             * @static
             * @param {shailoo.v1.ITurnoutSnapshot=} [properties] Properties to set
             * @returns {shailoo.v1.TurnoutSnapshot} TurnoutSnapshot instance
             */
            TurnoutSnapshot.create = function create(properties) {
                return new TurnoutSnapshot(properties);
            };

            /**
             * Encodes the specified TurnoutSnapshot message. Does not implicitly {@link shailoo.v1.TurnoutSnapshot.verify|verify} messages.
             * @function encode
             * @memberof shailoo.v1.TurnoutSnapshot
             * @static
             * @param {shailoo.v1.ITurnoutSnapshot} m TurnoutSnapshot message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TurnoutSnapshot.encode = function encode(m, w, q) {
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
                if (m.hour != null && Object.hasOwnProperty.call(m, "hour"))
                    w.uint32(48).uint32(m.hour);
                if (m.voters != null && Object.hasOwnProperty.call(m, "voters"))
                    w.uint32(56).uint32(m.voters);
                if (m.takenAtMs != null && Object.hasOwnProperty.call(m, "takenAtMs"))
                    w.uint32(64).int64(m.takenAtMs);
                return w;
            };

            /**
             * Decodes a TurnoutSnapshot message from the specified reader or buffer.
             * @function decode
             * @memberof shailoo.v1.TurnoutSnapshot
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shailoo.v1.TurnoutSnapshot} TurnoutSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TurnoutSnapshot.decode = function decode(r, l, e, n) {
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
                m = new $root.shailoo.v1.TurnoutSnapshot();
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
                            m.hour = r.uint32();
                            break;
                        }
                    case 7: {
                            m.voters = r.uint32();
                            break;
                        }
                    case 8: {
                            m.takenAtMs = r.int64();
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
             * Creates a TurnoutSnapshot message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shailoo.v1.TurnoutSnapshot
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shailoo.v1.TurnoutSnapshot} TurnoutSnapshot
             */
            TurnoutSnapshot.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shailoo.v1.TurnoutSnapshot)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shailoo.v1.TurnoutSnapshot: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shailoo.v1.TurnoutSnapshot();
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
                if (d.hour != null) {
                    m.hour = d.hour >>> 0;
                }
                if (d.voters != null) {
                    m.voters = d.voters >>> 0;
                }
                if (d.takenAtMs != null) {
                    if ($util.Long)
                        m.takenAtMs = $util.Long.fromValue(d.takenAtMs, false);
                    else if (typeof d.takenAtMs === "string")
                        m.takenAtMs = parseInt(d.takenAtMs, 10);
                    else if (typeof d.takenAtMs === "number")
                        m.takenAtMs = d.takenAtMs;
                    else if (typeof d.takenAtMs === "object")
                        m.takenAtMs = new $util.LongBits(d.takenAtMs.low >>> 0, d.takenAtMs.high >>> 0).toNumber();
                }
                return m;
            };

            /**
             * Creates a plain object from a TurnoutSnapshot message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shailoo.v1.TurnoutSnapshot
             * @static
             * @param {shailoo.v1.TurnoutSnapshot} m TurnoutSnapshot
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TurnoutSnapshot.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
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
                    d.hour = 0;
                    d.voters = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.takenAtMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                    } else
                        d.takenAtMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
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
                if (m.hour != null && Object.hasOwnProperty.call(m, "hour")) {
                    d.hour = m.hour;
                }
                if (m.voters != null && Object.hasOwnProperty.call(m, "voters")) {
                    d.voters = m.voters;
                }
                if (m.takenAtMs != null && Object.hasOwnProperty.call(m, "takenAtMs")) {
                    if (typeof BigInt !== "undefined" && o.longs === BigInt)
                        d.takenAtMs = typeof m.takenAtMs === "number" ? BigInt(m.takenAtMs) : $util.Long.fromBits(m.takenAtMs.low >>> 0, m.takenAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.takenAtMs === "number")
                        d.takenAtMs = o.longs === String ? String(m.takenAtMs) : m.takenAtMs;
                    else
                        d.takenAtMs = o.longs === String ? $util.Long.prototype.toString.call(m.takenAtMs) : o.longs === Number ? new $util.LongBits(m.takenAtMs.low >>> 0, m.takenAtMs.high >>> 0).toNumber() : m.takenAtMs;
                }
                return d;
            };

            /**
             * Converts this TurnoutSnapshot to JSON.
             * @function toJSON
             * @memberof shailoo.v1.TurnoutSnapshot
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TurnoutSnapshot.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for TurnoutSnapshot
             * @function getTypeUrl
             * @memberof shailoo.v1.TurnoutSnapshot
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            TurnoutSnapshot.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shailoo.v1.TurnoutSnapshot";
            };

            return TurnoutSnapshot;
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
             * @property {string|null} [territoryId] ElectionAggregate territoryId
             * @property {string|null} [level] ElectionAggregate level
             * @property {Array.<shailoo.v1.IPartyTotal>|null} [finalParties] ElectionAggregate finalParties
             * @property {number|null} [finalPrecincts] ElectionAggregate finalPrecincts
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
                this.finalParties = [];
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
             * ElectionAggregate territoryId.
             * @member {string} territoryId
             * @memberof shailoo.v1.ElectionAggregate
             * @instance
             */
            ElectionAggregate.prototype.territoryId = "";

            /**
             * ElectionAggregate level.
             * @member {string} level
             * @memberof shailoo.v1.ElectionAggregate
             * @instance
             */
            ElectionAggregate.prototype.level = "";

            /**
             * ElectionAggregate finalParties.
             * @member {Array.<shailoo.v1.IPartyTotal>} finalParties
             * @memberof shailoo.v1.ElectionAggregate
             * @instance
             */
            ElectionAggregate.prototype.finalParties = $util.emptyArray;

            /**
             * ElectionAggregate finalPrecincts.
             * @member {number} finalPrecincts
             * @memberof shailoo.v1.ElectionAggregate
             * @instance
             */
            ElectionAggregate.prototype.finalPrecincts = 0;

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
                if (m.territoryId != null && Object.hasOwnProperty.call(m, "territoryId"))
                    w.uint32(90).string(m.territoryId);
                if (m.level != null && Object.hasOwnProperty.call(m, "level"))
                    w.uint32(98).string(m.level);
                if (m.finalParties != null && m.finalParties.length) {
                    for (var i = 0; i < m.finalParties.length; ++i)
                        $root.shailoo.v1.PartyTotal.encode(m.finalParties[i], w.uint32(106).fork(), q + 1).ldelim();
                }
                if (m.finalPrecincts != null && Object.hasOwnProperty.call(m, "finalPrecincts"))
                    w.uint32(112).uint32(m.finalPrecincts);
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
                    case 11: {
                            m.territoryId = r.string();
                            break;
                        }
                    case 12: {
                            m.level = r.string();
                            break;
                        }
                    case 13: {
                            if (!(m.finalParties && m.finalParties.length))
                                m.finalParties = [];
                            m.finalParties.push($root.shailoo.v1.PartyTotal.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    case 14: {
                            m.finalPrecincts = r.uint32();
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
                if (d.territoryId != null) {
                    m.territoryId = String(d.territoryId);
                }
                if (d.level != null) {
                    m.level = String(d.level);
                }
                if (d.finalParties) {
                    if (!Array.isArray(d.finalParties))
                        throw TypeError(".shailoo.v1.ElectionAggregate.finalParties: array expected");
                    m.finalParties = [];
                    for (var i = 0; i < d.finalParties.length; ++i) {
                        if (!$util.isObject(d.finalParties[i]))
                            throw TypeError(".shailoo.v1.ElectionAggregate.finalParties: object expected");
                        m.finalParties[i] = $root.shailoo.v1.PartyTotal.fromObject(d.finalParties[i], n + 1);
                    }
                }
                if (d.finalPrecincts != null) {
                    m.finalPrecincts = d.finalPrecincts >>> 0;
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
                    d.finalParties = [];
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
                    d.territoryId = "";
                    d.level = "";
                    d.finalPrecincts = 0;
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
                if (m.territoryId != null && Object.hasOwnProperty.call(m, "territoryId")) {
                    d.territoryId = m.territoryId;
                }
                if (m.level != null && Object.hasOwnProperty.call(m, "level")) {
                    d.level = m.level;
                }
                if (m.finalParties && m.finalParties.length) {
                    d.finalParties = [];
                    for (var j = 0; j < m.finalParties.length; ++j) {
                        d.finalParties[j] = $root.shailoo.v1.PartyTotal.toObject(m.finalParties[j], o, q + 1);
                    }
                }
                if (m.finalPrecincts != null && Object.hasOwnProperty.call(m, "finalPrecincts")) {
                    d.finalPrecincts = m.finalPrecincts;
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
