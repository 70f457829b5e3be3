/** Databases and their collections, plus replay (`apply`) and `snapshot` of the whole state. */
import type { Document, Mutation } from "../contract.js";
import { Collection, idKey } from "./collection.js";
import { Index } from "./indexes.js";
import { cloneDoc, normalizeNumbers } from "./values.js";

export class Catalog {
  private readonly dbs = new Map<string, Map<string, Collection>>();

  get(db: string, coll: string): Collection | undefined {
    return this.dbs.get(db)?.get(coll);
  }

  databases(): string[] {
    return [...this.dbs.keys()];
  }

  collections(db: string): Collection[] {
    return [...(this.dbs.get(db)?.values() ?? [])];
  }

  create(db: string, coll: string, options: Document): Collection {
    let colls = this.dbs.get(db);
    if (!colls) this.dbs.set(db, (colls = new Map()));
    const c = new Collection(db, coll, options);
    colls.set(coll, c);
    return c;
  }

  drop(db: string, coll: string): boolean {
    const colls = this.dbs.get(db);
    const dropped = colls?.delete(coll) ?? false;
    if (colls?.size === 0) this.dbs.delete(db);
    return dropped;
  }

  dropDatabase(db: string): boolean {
    return this.dbs.delete(db);
  }

  /** Replays one journaled mutation; documents are copied so the journal's objects stay its own. */
  apply(m: Mutation): void {
    switch (m.op) {
      case "createCollection":
        if (!this.get(m.db, m.coll)) this.create(m.db, m.coll, normalizeNumbers(cloneDoc(m.options)) as Document);
        return;
      case "dropCollection":
        this.drop(m.db, m.coll);
        return;
      case "dropDatabase":
        this.dropDatabase(m.db);
        return;
      case "createIndex":
        this.ensure(m.db, m.coll).addIndex(new Index(normalizeNumbers(cloneDoc(m.spec)) as Document));
        return;
      case "dropIndex":
        this.get(m.db, m.coll)?.indexes.delete(m.name);
        return;
      // Both upsert, so replaying a record the snapshot already holds is harmless.
      case "insert":
      case "replace": {
        const c = this.ensure(m.db, m.coll);
        const doc = normalizeNumbers(cloneDoc(m.doc)) as Document;
        const old = c.getById(doc._id);
        if (old) c.replace(old, doc);
        else c.insert(doc);
        return;
      }
      case "delete": {
        const c = this.get(m.db, m.coll);
        const old = c?.docs.get(idKey(normalizeNumbers(m.id)));
        if (c && old) c.remove(old);
        return;
      }
    }
  }

  private ensure(db: string, coll: string): Collection {
    return this.get(db, coll) ?? this.create(db, coll, {});
  }

  *snapshot(): Iterable<Mutation> {
    for (const [db, colls] of this.dbs) {
      for (const c of colls.values()) {
        yield { op: "createCollection", db, coll: c.name, options: cloneDoc(c.options) };
        for (const index of c.indexes.values()) yield { op: "createIndex", db, coll: c.name, spec: cloneDoc(index.spec) };
        for (const doc of c.docs.values()) yield { op: "insert", db, coll: c.name, doc: cloneDoc(doc) };
      }
    }
  }
}
