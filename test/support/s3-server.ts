/**
 * A real S3-compatible server on 127.0.0.1 for tests (s3rver: files in a temporary folder,
 * Signature V4 checked against its fixed test credentials). No network beyond the loopback.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { S3Settings } from '../../src/services/s3-media-storage.js';

/** A running local S3 server with one bucket. */
export interface TestS3Server {
  /** Settings that reach the bucket (path style). */
  settings: S3Settings;
  /** The same as environment variables, for the CLI. */
  env: Record<string, string>;
  /** Public base URL of the bucket's objects. */
  bucketUrl: string;
  close(): Promise<void>;
}

/** s3rver's built-in credentials. */
const ACCESS_KEY = 'S3RVER';

/** Starts a local S3 server with a bucket named `bucket`. */
export async function startS3Server(bucket = 'depeche-media'): Promise<TestS3Server> {
  const directory = mkdtempSync(join(tmpdir(), 'depeche-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const settings: S3Settings = { endpoint, bucket, region: 'us-east-1', accessKeyId: ACCESS_KEY, secretAccessKey: ACCESS_KEY, forcePathStyle: true };
  return {
    settings,
    env: { MEDIA_STORAGE: 's3', S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_REGION: 'us-east-1', S3_ACCESS_KEY_ID: ACCESS_KEY, S3_SECRET_ACCESS_KEY: ACCESS_KEY, S3_FORCE_PATH_STYLE: 'true' },
    bucketUrl: `${endpoint}/${bucket}`,
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
