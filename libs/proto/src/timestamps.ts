import type { Timestamp, Timestamp__Output } from './generated/google/protobuf/Timestamp';

/** A `google.protobuf.Timestamp` for a date or epoch milliseconds. */
export function toTimestamp(time: Date | number): Timestamp {
  const ms = typeof time === 'number' ? time : time.getTime();
  const seconds = Math.floor(ms / 1000);
  return { seconds, nanos: Math.round((ms - seconds * 1000) * 1e6) };
}

/** Epoch milliseconds of a received timestamp; undefined when it was not set. */
export function timestampToMillis(timestamp: Timestamp__Output | null | undefined): number | undefined {
  if (!timestamp) return undefined;
  return Number(timestamp.seconds) * 1000 + Math.round(timestamp.nanos / 1e6);
}
