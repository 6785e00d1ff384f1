/**
 * The media storage port: one conformance suite run against the local disk and an S3 bucket
 * (a real S3-compatible server on 127.0.0.1), then uploads through the Admin API stored in
 * the bucket and read back through the site's /media/ route or, with MEDIA_PUBLIC_URL, from
 * the bucket itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { AwsV4Signer } from 'aws4fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDiskStorage, type MediaStorage } from '../../src/services/media-storage.js';
import { S3MediaStorage, S3RequestError } from '../../src/services/s3-media-storage.js';
import { buildStaff, loginAs, type AdminClient } from '../support/admin-client.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { makeJpeg, multipart } from '../support/images.js';
import { startS3Server, type TestS3Server } from '../support/s3-server.js';

let s3: TestS3Server;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => s3?.close());

const implementations: [string, () => { storage: MediaStorage; done(): void }][] = [
  [
    'local disk',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'depeche-media-'));
      return { storage: new LocalDiskStorage(dir), done: () => rmSync(dir, { recursive: true, force: true }) };
    },
  ],
  ['S3 bucket', () => ({ storage: new S3MediaStorage(s3.settings), done: () => undefined })],
];

for (const [name, make] of implementations) {
  describe(`media storage conformance: ${name}`, () => {
    let storage: MediaStorage;
    let done: () => void;
    beforeAll(() => {
      ({ storage, done } = make());
    });
    afterAll(() => done?.());

    it('gives back what was put, with its size', async () => {
      await storage.put('2026/03/pont-neuf-ab12-800.webp', Buffer.from('octets de l’image'), 'image/webp');
      const object = await storage.get('2026/03/pont-neuf-ab12-800.webp');
      expect(object).toBeDefined();
      expect(object!.size).toBe(Buffer.byteLength('octets de l’image'));
      expect(await text(object!.body)).toBe('octets de l’image');
    });

    it('replaces a file put again under the same key', async () => {
      await storage.put('2026/03/double.jpg', Buffer.from('avant'), 'image/jpeg');
      await storage.put('2026/03/double.jpg', Buffer.from('après'), 'image/jpeg');
      expect(await text((await storage.get('2026/03/double.jpg'))!.body)).toBe('après');
    });

    it('answers undefined for a key that holds nothing', async () => {
      expect(await storage.get('2026/03/absent.jpg')).toBeUndefined();
    });

    it('deletes, and deleting what is not there is no error', async () => {
      await storage.put('2026/03/a-supprimer.png', Buffer.from('x'), 'image/png');
      await storage.delete('2026/03/a-supprimer.png');
      expect(await storage.get('2026/03/a-supprimer.png')).toBeUndefined();
      await storage.delete('2026/03/a-supprimer.png');
    });

    it('refuses keys that would leave its folder or bucket', async () => {
      for (const key of ['../evasion.jpg', '2026/../../evasion.jpg', '/absolu.jpg', '2026//double.jpg', '']) {
        await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow();
      }
    });
  });
}

describe('the S3 driver', () => {
  it('reports a refused request with the S3 error code and never the secret', async () => {
    const storage = new S3MediaStorage({ ...s3.settings, accessKeyId: 'INCONNU', secretAccessKey: 'secret-a-ne-pas-montrer' });
    const error = await storage.put('2026/03/refus.jpg', Buffer.from('x'), 'image/jpeg').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3RequestError);
    expect((error as S3RequestError).status).toBe(403);
    expect((error as S3RequestError).s3Code).toBe('InvalidAccessKeyId');
    expect(String((error as Error).message)).not.toContain('secret-a-ne-pas-montrer');
  });

  it('addresses objects in the path or in the host name', () => {
    const base = { endpoint: 'https://s3.eu-west-3.amazonaws.com', bucket: 'journal', region: 'eu-west-3', accessKeyId: 'k', secretAccessKey: 's' };
    expect(new S3MediaStorage({ ...base, forcePathStyle: false }).objectUrl('2026/03/une image(1).jpg')).toBe('https://journal.s3.eu-west-3.amazonaws.com/2026/03/une%20image%281%29.jpg');
    expect(new S3MediaStorage({ ...base, endpoint: 'http://127.0.0.1:9000/', forcePathStyle: true }).objectUrl('a/b.jpg')).toBe('http://127.0.0.1:9000/journal/a/b.jpg');
  });

  // The local server checks the access key, not V4 signatures: the signer is checked against
  // the worked example of Amazon's S3 documentation ("GET Object", signature in the header).
  it('signs requests as Amazon’s documented example expects', async () => {
    const signer = new AwsV4Signer({
      method: 'GET',
      url: 'https://examplebucket.s3.amazonaws.com/test.txt',
      headers: { range: 'bytes=0-9', 'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      service: 's3',
      region: 'us-east-1',
      datetime: '20130524T000000Z',
      // The example signs its Range header, which aws4fetch leaves out unless told.
      allHeaders: true,
    });
    const { headers } = await signer.sign();
    const authorization = headers.get('authorization') ?? '';
    expect(authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/20130524\/us-east-1\/s3\/aws4_request,\s*SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,\s*Signature=/);
    expect(authorization.split('Signature=')[1]).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });
});

describeEachDatabase('media in an S3 bucket, served by the site', (dialect) => {
  let db: TestDatabase;
  let app: TestApp;
  let cdnApp: TestApp;
  let editor: AdminClient;
  let storage: S3MediaStorage;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    storage = new S3MediaStorage(s3.settings);
    app = await buildTestApp(db, { mediaStorage: storage, env: s3.env });
    // A second node over the same database and bucket, telling readers to fetch media from the bucket.
    cdnApp = await buildTestApp(db, { mediaStorage: storage, env: { ...s3.env, MEDIA_PUBLIC_URL: s3.bucketUrl } });
    await buildStaff(app.services);
    editor = await loginAs(app.server, 'editor');
  });
  afterAll(async () => {
    await app?.close();
    await cdnApp?.close();
    await db?.destroy();
  });

  let uploads = 0;
  async function upload(name: string): Promise<{ id: number; url: string; variants: Array<{ url: string; format: string }> }> {
    // Each upload a different image: the same pixels would be the same library item.
    const bytes = await makeJpeg(900 + ++uploads, 600);
    const res = await editor.request({ method: 'POST', url: '/api/admin/media', ...multipart({ file: { name, type: 'image/jpeg', bytes }, alt: 'Le pont au lever du jour' }) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it('stores uploads in the bucket and streams them under /media/ with year-long cache headers', async () => {
    const media = await upload(`pont-${dialect}.jpg`);
    expect(media.url).toMatch(/^\/media\/\d{4}\/\d{2}\/pont-/);
    const key = media.url.slice('/media/'.length);
    const inBucket = await storage.get(key);
    expect(inBucket).toBeDefined();
    const bytes = Buffer.from(await (await fetch(`${s3.bucketUrl}/${key}`)).arrayBuffer());

    const res = await app.server.inject({ method: 'GET', url: media.url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.rawPayload.equals(bytes)).toBe(true);
    expect(bytes.subarray(0, 2).equals(Buffer.from([0xff, 0xd8]))).toBe(true);

    const webp = media.variants.find((v) => v.format === 'webp');
    expect((await app.server.inject({ method: 'GET', url: webp!.url })).headers['content-type']).toBe('image/webp');

    const head = await app.server.inject({ method: 'HEAD', url: media.url });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe(String(bytes.length));
    expect(head.rawPayload.length).toBe(0);

    // A client that has it already gets 304.
    const again = await app.server.inject({ method: 'GET', url: media.url, headers: { 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('answers 404 in French for a missing file or a key that leaves the bucket', async () => {
    for (const url of ['/media/2026/01/absent-1234-800.jpg', '/media/../secret', '/media/2026/%2e%2e/x.jpg']) {
      const res = await app.server.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('<html');
    }
  });

  it('points readers at MEDIA_PUBLIC_URL, whose files the bucket serves, while /media/ keeps answering', async () => {
    const media = await upload(`quai-${dialect}.jpg`);
    const key = media.url.slice('/media/'.length);
    const onCdn = (await loginAs(cdnApp.server, 'editor')).get(`/api/admin/media/${media.id}`);
    const presented = (await onCdn).json() as { url: string; variants: Array<{ url: string }> };
    expect(presented.url).toBe(`${s3.bucketUrl}/${key}`);
    expect(presented.variants.every((v) => v.url.startsWith(`${s3.bucketUrl}/`))).toBe(true);
    const direct = await fetch(presented.url);
    expect(direct.status).toBe(200);
    expect(direct.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await cdnApp.server.inject({ method: 'GET', url: media.url })).statusCode).toBe(200);
  });

  it('stops serving a file once the storage deleted it', async () => {
    const media = await upload(`digue-${dialect}.jpg`);
    expect((await app.server.inject({ method: 'GET', url: media.url })).statusCode).toBe(200);
    await storage.delete(media.url.slice('/media/'.length));
    expect((await app.server.inject({ method: 'GET', url: media.url })).statusCode).toBe(404);
  });
});
