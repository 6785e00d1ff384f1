/** The Media object of the Admin API (media routes, and an article's featured image). */
import { Type } from 'typebox';
import { Instant } from './common-schema.js';

/** A library item with the URLs of its renditions. */
export const Media = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  alt: Type.String(),
  caption: Type.String(),
  credit: Type.String(),
  mimeType: Type.String(),
  createdAt: Instant,
  variants: Type.Array(Type.Object({ url: Type.String(), width: Type.Integer(), height: Type.Integer(), format: Type.String() })),
});
