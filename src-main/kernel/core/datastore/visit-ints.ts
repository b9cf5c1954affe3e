// One integer per visit id, kept by a model beside the network's visit pool (which grows on
// its own): the array grows to cover any id it is given.

export class VisitInts {
  private a = new Int32Array(1024);

  get(v: number): number {
    return v < this.a.length ? this.a[v]! : 0;
  }

  set(v: number, value: number): void {
    if (v >= this.a.length) {
      let n = this.a.length * 2;
      while (n <= v) n *= 2;
      const b = new Int32Array(n);
      b.set(this.a);
      this.a = b;
    }
    this.a[v] = value;
  }
}
