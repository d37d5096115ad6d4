import { describe, expect, it } from 'vitest';
import {
  dashPattern,
  FILL_DEFAULT_ALPHA,
  fillPaint,
  resolveStyle,
  STYLE_DEFAULTS,
} from '../../../src/core/style';

describe('fillPaint', () => {
  it('gives a fill written without alpha the default opacity, keeping the letter case', () => {
    expect(FILL_DEFAULT_ALPHA).toBe(0.25);
    expect(fillPaint('#00FF33')).toBe('#00FF3340');
    expect(fillPaint('#abcdef')).toBe('#abcdef40');
  });
  it('keeps a fill that states its alpha, opaque ones included', () => {
    expect(fillPaint('#00FF33FF')).toBe('#00FF33FF');
    expect(fillPaint('#00ff3300')).toBe('#00ff3300');
  });
});

describe('resolveStyle', () => {
  it('takes every absent key from the kind defaults', () => {
    expect(resolveStyle('LINE', {})).toEqual(STYLE_DEFAULTS.LINE);
  });
  it('keeps given keys, makes an alpha-less fill translucent, and borders follow the colour', () => {
    expect(
      resolveStyle('RECTANGLE', {
        color: '#111111',
        fillColor: '#00FF33',
        lineWidth: 3,
        lineStyle: 'DOTTED',
      }),
    ).toEqual({
      color: '#111111',
      lineWidth: 3,
      lineStyle: 'DOTTED',
      fillColor: '#00FF3340',
      borderColor: '#111111',
    });
    expect(resolveStyle('RECTANGLE', { borderColor: '#00FF00' }).borderColor).toBe('#00FF00');
  });
});

describe('dashPattern', () => {
  it('scales dashes and dots with the line width', () => {
    expect(dashPattern('SOLID', 2)).toEqual([]);
    expect(dashPattern('DASHED', 2)).toEqual([10, 6]);
    expect(dashPattern('DOTTED', 2)).toEqual([2, 4]);
  });
});
