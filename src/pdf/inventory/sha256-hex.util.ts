import { createHash } from 'node:crypto';

/** Lower-case hex SHA-256, the form that `template.sha256` in form.yaml uses. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
