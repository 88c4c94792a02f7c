import type { CompiledQuery, DatabaseConnection, Dialect, Driver } from 'kysely';

/**
 * PostgreSQL text cannot hold U+0000 (the query fails), SQLite's can. So that both databases
 * store the same text, every string parameter has its NULs replaced by U+FFFD, as an HTML parser
 * does, on both. Replaced, not removed: dropping it would turn a harmless, sanitized
 * `java\0script:` link into a live `javascript:` one.
 *
 * Done where the compiled query reaches the driver: one pass over the parameters, copied only
 * when one holds a NUL.
 */
export function guardNul(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: () => guardDriver(dialect.createDriver()),
  };
}

function cleanQuery<R>(q: CompiledQuery<R>): CompiledQuery<R> {
  let params: unknown[] | undefined;
  q.parameters.forEach((p, i) => {
    if (typeof p === 'string' && p.includes('\u0000')) (params ??= [...q.parameters])[i] = p.replaceAll('\u0000', '\uFFFD');
  });
  return params ? { ...q, parameters: params } : q;
}

/** Methods of the wrapped objects run on the originals (their private fields need it). */
function forward<T extends object>(target: T, prop: string | symbol): unknown {
  const v = Reflect.get(target, prop, target);
  return typeof v === 'function' ? v.bind(target) : v;
}

function guardConnection(conn: DatabaseConnection): DatabaseConnection {
  return new Proxy(conn, {
    get(target, prop) {
      if (prop === 'executeQuery') return <R>(q: CompiledQuery<R>) => target.executeQuery(cleanQuery(q));
      if (prop === 'streamQuery') return <R>(q: CompiledQuery<R>, chunk?: number) => target.streamQuery(cleanQuery(q), chunk);
      return forward(target, prop);
    },
  });
}

function guardDriver(driver: Driver): Driver {
  return new Proxy(driver, {
    get(target, prop) {
      if (prop === 'acquireConnection') return async () => guardConnection(await target.acquireConnection());
      return forward(target, prop);
    },
  });
}
