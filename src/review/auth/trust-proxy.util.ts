/** TRUST_PROXY as Express's "trust proxy" setting: a boolean, a hop count, or addresses. */
export function trustProxySetting(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') {
    return false;
  }
  if (value === 'true') {
    return true;
  }
  return /^\d+$/.test(value) ? Number(value) : value;
}
