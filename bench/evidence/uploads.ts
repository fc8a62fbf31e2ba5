import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { eachConcurrently } from './pool';

// The upload client: multipart bodies built before the clock starts (so the client's own work is
// copying buffers to a socket), sent by a few clients at once over kept-alive connections.

export interface UploadFile {
  name: string;
  contentType: string;
  bytes: Buffer;
}

export interface UploadRequest {
  caseId: string;
  body: Buffer;
  contentType: string;
  /** Bytes of the files in it, without the multipart framing. */
  fileBytes: number;
  files: number;
}

/** A multipart/form-data body with `kind` and `files`, as a browser form sends it. */
export function uploadRequest(caseId: string, kind: string, files: UploadFile[]): UploadRequest {
  const boundary = `----bulwark-bench-${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
  ];
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.contentType}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    caseId,
    body: Buffer.concat(parts),
    contentType: `multipart/form-data; boundary=${boundary}`,
    fileBytes: files.reduce((sum, file) => sum + file.bytes.length, 0),
    files: files.length,
  };
}

export interface UploadRun {
  seconds: number;
  requests: number;
  files: number;
  /** File bytes of the requests answered 202. */
  acceptedBytes: number;
  /** Evidence ids from the 202 answers, in request order. */
  evidenceIds: string[];
  /** "status: body" of every answer that was not 202. */
  failures: string[];
}

function post(
  base: string,
  token: string,
  agent: Agent,
  upload: UploadRequest,
): Promise<{ status: number; body: string }> {
  const url = new URL(`/v1/cases/${upload.caseId}/evidence`, base);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': upload.contentType,
          'content-length': upload.body.length,
        },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(upload.body);
  });
}

/** Sends every request, `clients` at a time, and times them from the first start to the last 202. */
export async function sendUploads(
  base: string,
  token: string,
  uploads: UploadRequest[],
  clients: number,
): Promise<UploadRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const idsByRequest: string[][] = uploads.map(() => []);
  const failures: string[] = [];
  let acceptedBytes = 0;
  const start = process.hrtime.bigint();
  try {
    await eachConcurrently(uploads, clients, async (upload, index) => {
      const { status, body } = await post(base, token, agent, upload);
      if (status !== 202) {
        failures.push(`${status}: ${body.slice(0, 300)}`);
        return;
      }
      acceptedBytes += upload.fileBytes;
      idsByRequest[index] = (JSON.parse(body) as { id: string }[]).map((item) => item.id);
    });
  } finally {
    agent.destroy();
  }
  return {
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
    requests: uploads.length,
    files: uploads.reduce((sum, upload) => sum + upload.files, 0),
    acceptedBytes,
    evidenceIds: idsByRequest.flat(),
    failures,
  };
}
