/** One event of a `text/event-stream`, as the HTML standard's parsing rules define it. */
export interface ParsedServerSentEvent {
  readonly id: string | undefined;
  /** "message" when the event named none. */
  readonly event: string;
  readonly data: string;
}

/**
 * Parses a `text/event-stream` fed in arbitrary chunks (a line may be split between two):
 * `data` lines are joined with newlines, comments (lines starting with ":") and unknown fields
 * are ignored, and an event without data is not dispatched.
 */
export class ServerSentEventParser {
  private pending = '';
  private data: string[] = [];
  private event = '';
  private id: string | undefined;

  push(chunk: string): ParsedServerSentEvent[] {
    this.pending += chunk;
    const events: ParsedServerSentEvent[] = [];
    let newline: number;
    while ((newline = this.pending.search(/\r\n|\r|\n/)) !== -1) {
      // A "\r" at the very end may be the first half of "\r\n": wait for the next chunk.
      if (this.pending[newline] === '\r' && newline === this.pending.length - 1) break;
      const line = this.pending.slice(0, newline);
      this.pending = this.pending.slice(newline + (this.pending.startsWith('\r\n', newline) ? 2 : 1));
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  private line(line: string): ParsedServerSentEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    return undefined;
  }

  private dispatch(): ParsedServerSentEvent | undefined {
    const event = this.data.length === 0 ? undefined : { id: this.id, event: this.event || 'message', data: this.data.join('\n') };
    this.data = [];
    this.event = '';
    return event;
  }
}
