/**
 * Runs the turns of one conversation one after the other. In one process a promise chain does it
 * (TurnQueue); with several instances behind a load balancer (REDIS_URL) a lock in Redis makes a
 * turn on instance B wait for the same conversation's turn on instance A (RedisTurnLock).
 */
export interface TurnLock {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const TURN_LOCK = Symbol('TURN_LOCK');
