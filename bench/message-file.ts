import { readFileSync, writeFileSync } from 'node:fs';

/** Messages to publish, kept in a file so a separate publisher process can read them. */
export interface Message {
  topic: string;
  payload: Buffer;
}

export function writeMessages(path: string, messages: Message[]): void {
  const parts: Buffer[] = [];
  for (const m of messages) {
    const topic = Buffer.from(m.topic);
    const head = Buffer.alloc(6);
    head.writeUInt16LE(topic.length, 0);
    head.writeUInt32LE(m.payload.length, 2);
    parts.push(head, topic, m.payload);
  }
  writeFileSync(path, Buffer.concat(parts));
}

export function readMessages(path: string): Message[] {
  const buf = readFileSync(path);
  const out: Message[] = [];
  for (let at = 0; at < buf.length;) {
    const topicLength = buf.readUInt16LE(at);
    const payloadLength = buf.readUInt32LE(at + 2);
    at += 6;
    const topic = buf.toString('utf8', at, at + topicLength);
    at += topicLength;
    out.push({ topic, payload: buf.subarray(at, at + payloadLength) });
    at += payloadLength;
  }
  return out;
}
