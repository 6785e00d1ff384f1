/** Chooses where media files are stored: the local disk (MEDIA_DIR) or an S3-compatible bucket. */
import type { Config } from '../config.js';
import { LocalDiskStorage, type MediaStorage } from '../services/media-storage.js';
import { S3MediaStorage } from '../services/s3-media-storage.js';

/** The media storage the configuration names. */
export function createMediaStorage(config: Pick<Config, 'mediaStorage' | 'mediaDir'>): MediaStorage {
  const storage = config.mediaStorage;
  return storage.kind === 's3' ? new S3MediaStorage(storage) : new LocalDiskStorage(config.mediaDir);
}
