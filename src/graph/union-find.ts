/** Disjoint sets over 0..n-1 with path halving and union by size; grows on demand. */
export class UnionFind {
  private parent: number[] = [];
  private size: number[] = [];

  add(): number {
    const id = this.parent.length;
    this.parent.push(id);
    this.size.push(1);
    return id;
  }

  get count(): number {
    return this.parent.length;
  }

  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  }

  union(a: number, b: number): number {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return ra;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    return ra;
  }
}

/** Interns keys of any kind as union-find elements. */
export class KeyedUnionFind<K> {
  readonly sets = new UnionFind();
  private readonly ids = new Map<K, number>();

  id(key: K): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.sets.add();
      this.ids.set(key, id);
    }
    return id;
  }

  has(key: K): boolean {
    return this.ids.has(key);
  }

  lookup(key: K): number | undefined {
    return this.ids.get(key);
  }
}
