export interface ContrastStretchOptions {
  /** Share of the darkest pixels that become black (percent). */
  lowerPercent: number;
  /** Pixels above this percentile become white (percent). */
  upperPercent: number;
}

/**
 * Stretches the grey values of a one-channel image in place so that the given percentiles become
 * black and white (what sharp's normalise() does, at a fraction of its cost). Returns false and
 * leaves the pixels alone when the image already spans the full range (clean scans, rendered PDFs)
 * or has almost no contrast at all (an empty page: stretching would only amplify noise).
 */
export function contrastStretch(grey: Uint8Array, options: ContrastStretchOptions): boolean {
  const histogram = new Uint32Array(256);
  for (let index = 0; index < grey.length; index += 1) {
    histogram[grey[index]] += 1;
  }
  const low = percentile(histogram, grey.length, options.lowerPercent);
  const high = percentile(histogram, grey.length, options.upperPercent);
  if ((low <= 2 && high >= 253) || high - low < 32) {
    return false;
  }
  const table = new Uint8Array(256);
  for (let value = 0; value < 256; value += 1) {
    table[value] = Math.round(Math.min(255, Math.max(0, ((value - low) * 255) / (high - low))));
  }
  for (let index = 0; index < grey.length; index += 1) {
    grey[index] = table[grey[index]];
  }
  return true;
}

function percentile(histogram: Uint32Array, total: number, percent: number): number {
  const wanted = (total * percent) / 100;
  let seen = 0;
  for (let value = 0; value < 256; value += 1) {
    seen += histogram[value];
    if (seen >= wanted) {
      return value;
    }
  }
  return 255;
}
