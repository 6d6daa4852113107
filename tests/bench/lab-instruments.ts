// What lab-live.ts records in the page, installed before the page's own scripts run: every
// animation frame's time; every putImageData (the Lab paints each unit's map, the output tile and
// the main surface that way) with the frame it fell in, the canvas's width and whether the canvas
// is in the page; every toDataURL (the main surface becomes an image that way); the long tasks;
// and every snapshot the Lab's training worker sends (its step, epoch, whether it carries a
// picture, and the steps per tick the worker chose from its own time per step). `__lab.start()` clears and starts the recording, `__lab.stop()` ends it and returns it.

export interface LabRecording {
  start: number;
  end: number;
  /** Animation frame times (ms, the page's clock). */
  frames: number[];
  puts: { t: number; frame: number; width: number; attached: boolean }[];
  dataUrls: { t: number; frame: number; width: number }[];
  longTasks: { start: number; duration: number }[];
  /** Each snapshot's step, epoch, whether it carries a picture, the run's state, and the steps the worker now takes per tick. */
  snapshots: { t: number; step: number; epoch: number | null; picture: boolean; state: string; stepsPerTick: number }[];
}

// A string, not a function: tsx would wrap a named function in a helper the page does not have.
export const LAB_INSTRUMENTS = `(() => {
  const lab = { recording: false, frame: 0, t0: 0, frames: [], puts: [], dataUrls: [], longTasks: [], snapshots: [] };
  window.__lab = lab;
  lab.start = () => {
    for (const k of ['frames', 'puts', 'dataUrls', 'longTasks', 'snapshots']) lab[k] = [];
    lab.t0 = performance.now();
    lab.recording = true;
  };
  lab.stop = () => {
    lab.recording = false;
    return { start: lab.t0, end: performance.now(), frames: lab.frames, puts: lab.puts, dataUrls: lab.dataUrls, longTasks: lab.longTasks, snapshots: lab.snapshots };
  };
  const put = CanvasRenderingContext2D.prototype.putImageData;
  CanvasRenderingContext2D.prototype.putImageData = function (...a) {
    if (lab.recording) lab.puts.push({ t: performance.now(), frame: lab.frame, width: this.canvas.width, attached: this.canvas.isConnected });
    return put.apply(this, a);
  };
  const toUrl = HTMLCanvasElement.prototype.toDataURL;
  HTMLCanvasElement.prototype.toDataURL = function (...a) {
    if (lab.recording) lab.dataUrls.push({ t: performance.now(), frame: lab.frame, width: this.width });
    return toUrl.apply(this, a);
  };
  const PageWorker = window.Worker;
  window.Worker = class extends PageWorker {
    constructor(url, options) {
      super(url, options);
      if (options && options.name === 'lab') {
        this.addEventListener('message', (e) => {
          const m = e.data;
          if (!lab.recording || !m || m.type !== 'snapshot') return;
          lab.snapshots.push({ t: performance.now(), step: m.snapshot.step, epoch: m.view ? m.view.epoch : null, picture: m.view !== null, state: m.snapshot.state, stepsPerTick: m.stepsPerTick });
        });
      }
    }
  };
  new PerformanceObserver((list) => {
    if (lab.recording) for (const e of list.getEntries()) lab.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: false });
  const frame = (t) => {
    lab.frame++;
    if (lab.recording) lab.frames.push(t);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;
