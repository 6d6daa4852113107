// Where a deck scene's figure puts the getter of its state (`HeldFigure.source`). The figure
// clears the getter when it unmounts; the state it had then is read at that moment and kept, so
// the scene still knows it after the figure has gone.
export class KeptSource {
  private getter: (() => string) | null = null;
  private last: string;

  constructor(initial: string) {
    this.last = initial;
  }

  get current(): (() => string) | null {
    return this.getter;
  }

  set current(getter: (() => string) | null) {
    if (getter === null && this.getter) this.last = this.getter();
    this.getter = getter;
  }

  /** The figure's state now, or the last it had. */
  value(): string {
    return this.getter ? this.getter() : this.last;
  }
}
