/** One thing a simulated family sends: typed text or a tapped button (value payload). */
export interface FamilyMessage {
  text?: string;
  value?: { action: string; value?: string };
}

export interface PhaseResult {
  turns: number;
  failures: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  peakRssMb: number;
  /** CPU seconds of the service's main thread during the phase. */
  mainThreadCpuSeconds: number;
  /** The service's child processes (PDF workers), summed. */
  workersPeakRssMb: number;
  /** The messages with the highest median latency, for finding slow turns. */
  slowest: string[];
}
