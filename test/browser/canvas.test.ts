import { expect, it } from 'vitest';

it('runs in a real Chromium with a 2D canvas', () => {
  const canvas = document.createElement('canvas');
  canvas.width = 4;
  canvas.height = 4;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.fillStyle = '#ff0000';
  ctx.fillRect(1, 1, 1, 1);
  expect(Array.from(ctx.getImageData(1, 1, 1, 1).data)).toEqual([255, 0, 0, 255]);
  expect(navigator.userAgent).toMatch(/Chrome\//);
});
