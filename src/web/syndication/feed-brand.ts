/** How feeds present the site besides its articles: logo, icon and generator. */

/** The site's images and software named in feeds. */
export interface FeedBrand {
  /** Absolute URL of a wide image (Atom logo, RSS image). */
  logoUrl: string;
  /** Absolute URL of a square icon (JSON Feed icon, Atom icon). */
  iconUrl: string;
  /** Absolute URL of a small favicon (JSON Feed favicon). */
  faviconUrl: string;
  generator: string;
}
