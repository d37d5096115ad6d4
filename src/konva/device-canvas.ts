// A canvas whose bitmap covers exactly the device pixels of its box. At fractional device pixel
// ratios (125 % and 150 % displays, browser zoom) round(css px × ratio) can miss the box by a
// pixel, and the compositor then resamples the whole canvas: every hairline goes soft. The
// browser reports the box's exact device size (ResizeObserver's device-pixel-content-box, what
// lightweight-charts sizes its own canvases by); where it cannot, rounding it is.

/** A canvas sized in device pixels. */
export interface DeviceCanvas {
  readonly canvas: HTMLCanvasElement;
  readonly context: CanvasRenderingContext2D;
  /** Gives the box `width` × `height` CSS px and the bitmap its device pixels; returns bitmap px per CSS px on each axis. */
  resize(width: number, height: number): { readonly x: number; readonly y: number };
  /** Stops observing the box. */
  destroy(): void;
}

interface DeviceSize {
  readonly cssWidth: number;
  readonly cssHeight: number;
  readonly width: number;
  readonly height: number;
}

/**
 * A device-pixel canvas in `doc`. With an explicit `pixelRatio` the bitmap is the CSS size times
 * it (tests, screenshots at a set ratio); without, the window's ratio at each resize, corrected
 * to the box's exact device size once the browser reports it — then `changed` is called so that
 * the owner repaints.
 */
export function createDeviceCanvas(
  doc: Document,
  pixelRatio: number | undefined,
  changed: () => void,
): DeviceCanvas {
  const canvas = doc.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) throw new Error('createDeviceCanvas: no 2D canvas context');
  let device: DeviceSize | null = null;
  const View = doc.defaultView;
  const observer =
    pixelRatio === undefined && View && 'ResizeObserver' in View
      ? new View.ResizeObserver((entries) => {
          const entry = entries[entries.length - 1];
          const exact = entry?.devicePixelContentBoxSize?.[0];
          const css = entry?.contentBoxSize?.[0];
          if (!exact || !css || exact.inlineSize === 0) return;
          device = {
            cssWidth: css.inlineSize,
            cssHeight: css.blockSize,
            width: exact.inlineSize,
            height: exact.blockSize,
          };
          if (canvas.width !== device.width || canvas.height !== device.height) changed();
        })
      : null;
  try {
    observer?.observe(canvas, { box: 'device-pixel-content-box' });
  } catch {
    // No device-pixel box in this browser (Safari): rounding stays.
    observer?.disconnect();
  }
  return {
    canvas,
    context,
    resize(width, height) {
      const ratio = pixelRatio ?? View?.devicePixelRatio ?? 1;
      const exact = device && device.cssWidth === width && device.cssHeight === height ? device : null;
      const w = exact ? exact.width : Math.round(width * ratio);
      const h = exact ? exact.height : Math.round(height * ratio);
      if (canvas.style.width !== `${width}px` || canvas.style.height !== `${height}px`) {
        canvas.style.width = `${width}px`;
        canvas.style.height = `${height}px`;
      }
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      return { x: width > 0 ? w / width : ratio, y: height > 0 ? h / height : ratio };
    },
    destroy() {
      observer?.disconnect();
    },
  };
}
