/** Staff roles, from most to least powerful (WordPress semantics). */
export const USER_ROLES = ['administrator', 'editor', 'author', 'contributor'] as const;

/** A staff member's role. */
export type UserRole = (typeof USER_ROLES)[number];

/** Whether a value is a staff role. */
export function isUserRole(value: string): value is UserRole {
  return (USER_ROLES as readonly string[]).includes(value);
}

/** A loose check of an email address: one @, something on each side, a dot in the domain. */
export function isEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
