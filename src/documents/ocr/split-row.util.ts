export interface SplitRowOptions {
  /** Grey value below which a pixel counts as ink (default 128). */
  inkBelow: number;
  /** Ink pixels a row may have and still count as blank, as a share of its width (default 0.002). */
  maxInkShare: number;
  /** The blank band must be at least this share of the page height (default 0.005: 17 px on A4 at 300 dpi). */
  minBandShare: number;
  /**
   * Every stripe must hold at least this share of an even share of the page's ink, or the page is
   * not split (default 0.5: with two stripes, each holds at least a quarter of the ink).
   */
  minPartInkShare: number;
  /** Columns left out at either edge (a photo's table or scanner lid), share of the width (default 0.03). */
  edgeShare: number;
}

export const defaultSplitRowOptions: SplitRowOptions = {
  inkBelow: 128,
  maxInkShare: 0.002,
  minBandShare: 0.005,
  minPartInkShare: 0.5,
  edgeShare: 0.03,
};

/**
 * Rows at which a page can be cut into `parts` stripes of about equal work without cutting through
 * text: the middles of blank bands (no ink across the whole width) nearest to the page's ink
 * quantiles. A letter's text sits mostly in its upper half, so equal heights would leave one
 * stripe with most of the work. Returns no rows when the page cannot be cut so that every stripe
 * holds at least minPartInkShare of an even share of the ink, e.g. a page turned sideways or
 * skewed so much that no blank band runs across it; such a page is read whole.
 */
export function findSplitRows(
  grey: Uint8Array,
  width: number,
  height: number,
  parts: number,
  options: SplitRowOptions = defaultSplitRowOptions,
): number[] {
  if (parts < 2 || grey.length < width * height) {
    return [];
  }
  const edge = Math.floor(width * options.edgeShare);
  const maxInk = Math.max(1, Math.floor(width * options.maxInkShare));
  const minBand = Math.max(2, Math.round(height * options.minBandShare));
  // inkAbove[row]: ink pixels in the rows before `row`.
  const inkAbove = new Float64Array(height + 1);
  for (let row = 0; row < height; row += 1) {
    inkAbove[row + 1] =
      inkAbove[row] + inkInRow(grey, row * width + edge, (row + 1) * width - edge, options.inkBelow);
  }
  const total = inkAbove[height];
  if (total === 0) {
    return [];
  }
  const bands = blankBandCentres(inkAbove, height, maxInk, minBand);
  const rows: number[] = [];
  for (let part = 1; part < parts; part += 1) {
    const quantile = part / parts;
    let best: number | undefined;
    for (const centre of bands) {
      if (
        best === undefined ||
        Math.abs(inkAbove[centre] / total - quantile) < Math.abs(inkAbove[best] / total - quantile)
      ) {
        best = centre;
      }
    }
    if (best === undefined || rows.includes(best)) {
      return [];
    }
    rows.push(best);
  }
  rows.sort((a, b) => a - b);
  const edges = [0, ...rows, height];
  const minInk = (total / parts) * options.minPartInkShare;
  for (let index = 1; index < edges.length; index += 1) {
    if (inkAbove[edges[index]] - inkAbove[edges[index - 1]] < minInk) {
      return [];
    }
  }
  return rows;
}

function blankBandCentres(inkAbove: Float64Array, height: number, maxInk: number, minBand: number): number[] {
  const centres: number[] = [];
  let bandStart = -1;
  for (let row = 0; row <= height; row += 1) {
    const blank = row < height && inkAbove[row + 1] - inkAbove[row] <= maxInk;
    if (blank && bandStart < 0) {
      bandStart = row;
    } else if (!blank && bandStart >= 0) {
      if (row - bandStart >= minBand) {
        centres.push(Math.floor((bandStart + row) / 2));
      }
      bandStart = -1;
    }
  }
  return centres;
}

function inkInRow(grey: Uint8Array, from: number, to: number, inkBelow: number): number {
  let ink = 0;
  for (let index = from; index < to; index += 1) {
    if (grey[index] < inkBelow) {
      ink += 1;
    }
  }
  return ink;
}
