import { get, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServerSentEvent {
  event: string;
  id?: string;
  data: unknown;
}

export interface EventStream {
  status: number;
  contentType: string | undefined;
  /** Every event received so far, in order. */
  events: ServerSentEvent[];
  /** Whether the server has closed the stream. */
  ended: boolean;
  close(): void;
}

function parseBlock(block: string): ServerSentEvent | undefined {
  const event: ServerSentEvent = { event: 'message', data: undefined };
  const data: string[] = [];
  for (const line of block.split('\n')) {
    const [field, ...rest] = line.split(':');
    const value = rest.join(':').replace(/^ /, '');
    if (field === 'event') event.event = value;
    else if (field === 'id') event.id = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return undefined;
  event.data = JSON.parse(data.join('\n'));
  return event;
}

/** Opens a server-sent event stream on a listening server and collects what it sends. */
export function openEventStream(
  server: Server,
  path: string,
  headers: Record<string, string>,
): Promise<EventStream> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const request = get({ host: '127.0.0.1', port, path, headers }, (response: IncomingMessage) => {
      const stream: EventStream = {
        status: response.statusCode ?? 0,
        contentType: response.headers['content-type'],
        events: [],
        ended: false,
        close: () => request.destroy(),
      };
      let buffered = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffered += chunk;
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const event = parseBlock(buffered.slice(0, end));
          buffered = buffered.slice(end + 2);
          if (event) stream.events.push(event);
        }
      });
      response.on('error', () => undefined);
      response.on('close', () => (stream.ended = true));
      resolve(stream);
    });
    request.on('error', (error) => {
      if (!request.destroyed) reject(error);
    });
  });
}
