/** The permission matrix of policies.ts, role by role, own article vs someone else's. */
import { describe, expect, it } from 'vitest';
import type { ArticleStatus } from '../../src/domain/article.js';
import * as p from '../../src/domain/policies.js';
import type { UserRole } from '../../src/domain/user.js';

const ME = 1;
const OTHER = 2;
const actor = (role: UserRole): p.Actor => ({ id: ME, role });
const article = (status: ArticleStatus, own: boolean): p.ArticleFacts => ({ status, authorIds: [own ? ME : OTHER] });
const yes = (d: p.Decision) => d.allowed;

type Row = [string, (role: UserRole) => boolean, Record<UserRole, boolean>];
const all = { administrator: true, editor: true, author: true, contributor: true };
const editorial = { administrator: true, editor: true, author: false, contributor: false };
const adminOnly = { administrator: true, editor: false, author: false, contributor: false };

const MATRIX: Row[] = [
  ['create own article', (r) => yes(p.canCreateArticle(actor(r), [ME])), all],
  ['create someone else’s article', (r) => yes(p.canCreateArticle(actor(r), [OTHER])), editorial],
  ['view own draft', (r) => yes(p.canViewArticle(actor(r), article('draft', true))), all],
  ['view other’s draft', (r) => yes(p.canViewArticle(actor(r), article('draft', false))), editorial],
  ['edit own draft', (r) => yes(p.canEditArticle(actor(r), article('draft', true))), all],
  ['edit own article in review', (r) => yes(p.canEditArticle(actor(r), article('review', true))), all],
  ['edit own published article', (r) => yes(p.canEditArticle(actor(r), article('published', true))), { ...all, contributor: false }],
  ['edit other’s draft', (r) => yes(p.canEditArticle(actor(r), article('draft', false))), editorial],
  ['edit an article in the trash', (r) => yes(p.canEditArticle(actor(r), article('trash', true))), { administrator: false, editor: false, author: false, contributor: false }],
  ['submit own draft for review', (r) => yes(p.canTransition(actor(r), article('draft', true), 'review')), all],
  ['publish own article', (r) => yes(p.canTransition(actor(r), article('review', true), 'published')), { ...all, contributor: false }],
  ['schedule own article', (r) => yes(p.canTransition(actor(r), article('review', true), 'scheduled')), { ...all, contributor: false }],
  ['unpublish own article', (r) => yes(p.canTransition(actor(r), article('published', true), 'unpublished')), { ...all, contributor: false }],
  ['publish other’s article', (r) => yes(p.canTransition(actor(r), article('review', false), 'published')), editorial],
  ['unpublish other’s article', (r) => yes(p.canTransition(actor(r), article('published', false), 'unpublished')), editorial],
  ['trash own draft', (r) => yes(p.canTrashArticle(actor(r), article('draft', true))), all],
  ['trash own published article', (r) => yes(p.canTrashArticle(actor(r), article('published', true))), { ...all, contributor: false }],
  ['trash other’s article', (r) => yes(p.canTrashArticle(actor(r), article('draft', false))), editorial],
  ['add a correction to own article', (r) => yes(p.canAddNote(actor(r), article('published', true))), { ...all, contributor: false }],
  ['add a correction to other’s article', (r) => yes(p.canAddNote(actor(r), article('published', false))), editorial],
  ['upload media', (r) => yes(p.canUploadMedia(actor(r))), all],
  ['edit own media', (r) => yes(p.canManageMedia(actor(r), ME)), all],
  ['edit other’s media', (r) => yes(p.canManageMedia(actor(r), OTHER)), editorial],
  ['manage categories', (r) => yes(p.canManageCategories(actor(r))), editorial],
  ['create tags', (r) => yes(p.canCreateTag(actor(r))), all],
  ['moderate comments', (r) => yes(p.canModerateComments(actor(r))), editorial],
  ['manage users', (r) => yes(p.canManageUsers(actor(r))), adminOnly],
  ['change own name', (r) => yes(p.canUpdateUser(actor(r), ME, ['name'])), all],
  ['change own role', (r) => yes(p.canUpdateUser(actor(r), ME, ['role'])), adminOnly],
  ['change another account', (r) => yes(p.canUpdateUser(actor(r), OTHER, ['name'])), adminOnly],
  ['manage settings', (r) => yes(p.canManageSettings(actor(r))), adminOnly],
];

describe('permission matrix (policies.ts)', () => {
  for (const [action, decide, expected] of MATRIX) {
    it(action, () => {
      const got = Object.fromEntries((Object.keys(expected) as UserRole[]).map((role) => [role, decide(role)]));
      expect(got).toEqual(expected);
    });
  }

  it('gives a French reason with every refusal', () => {
    const decision = p.canTransition(actor('contributor'), article('review', true), 'published');
    expect(decision).toEqual({ allowed: false, reason: expect.stringContaining('contributeur ne peut pas publier') });
  });
});
