import type { ExecutionContext } from '@nestjs/common';

/**
 * A value a guard derives from a route's decorators, computed once per handler instead of on
 * every request (decorator metadata does not change after startup).
 */
export class HandlerMetadata<T> {
  private readonly byClass = new WeakMap<object, WeakMap<object, { value: T }>>();

  constructor(private readonly compute: (context: ExecutionContext) => T) {}

  of(context: ExecutionContext): T {
    const classRef = context.getClass();
    const handler = context.getHandler();
    let byHandler = this.byClass.get(classRef);
    if (!byHandler) this.byClass.set(classRef, (byHandler = new WeakMap()));
    let cached = byHandler.get(handler);
    if (!cached) byHandler.set(handler, (cached = { value: this.compute(context) }));
    return cached.value;
  }
}
