import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contrastStretch } from './contrast-stretch.util';

const options = { lowerPercent: 1, upperPercent: 99 };

describe('contrastStretch', () => {
  it('stretches a grey photo (ink 60, paper 190) to black and white', () => {
    const grey = new Uint8Array(1000).fill(190);
    grey.fill(60, 0, 50);
    assert.equal(contrastStretch(grey, options), true);
    assert.deepEqual([grey[0], grey[999]], [0, 255]);
  });

  it('leaves a clean scan that already spans black to white alone', () => {
    const grey = new Uint8Array(1000).fill(255);
    grey.fill(0, 0, 50);
    grey.fill(128, 50, 60);
    assert.equal(contrastStretch(grey, options), false);
    assert.equal(grey[55], 128);
  });

  it('does not amplify the noise of an almost empty page', () => {
    const grey = new Uint8Array(1000).fill(240);
    grey.fill(225, 0, 100);
    assert.equal(contrastStretch(grey, options), false);
    assert.deepEqual([grey[0], grey[999]], [225, 240]);
  });
});
