/** What every service is built from: repositories, a clock and the site's settings. */
import type { Repositories } from '../storage/repositories/index.js';
import type { Clock } from './clock.js';
import type { MediaStorage } from './media-storage.js';

/** Site facts services need (a subset of the configuration). */
export interface SiteFacts {
  siteUrl: string;
  siteName: string;
  siteLanguage: string;
  timeZone: string;
}

/** Dependencies shared by the services. */
export interface ServiceContext {
  repos: Repositories;
  clock: Clock;
  site: SiteFacts;
  media: MediaStorage;
}
