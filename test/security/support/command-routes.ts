import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';

/** Nest's RequestMethod numbers (a const enum, which transpile-only builds cannot inline). */
const COMMAND_METHODS: Record<number, string> = { 1: 'POST', 2: 'PUT', 3: 'DELETE', 4: 'PATCH' };

export interface CommandRoute {
  method: string;
  /** Nest's path, with `:name` parameters, e.g. `/customers/:id/temperature`. */
  path: string;
}

/**
 * Every POST/PUT/PATCH/DELETE route of the running app, read from the controllers' metadata,
 * so a route added later is fuzzed without anyone listing it.
 */
export function commandRoutesOf(app: INestApplication): CommandRoute[] {
  const routes: CommandRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!controller) continue;
      const prefixes = asList(Reflect.getMetadata(PATH_METADATA, controller));
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = COMMAND_METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const paths = Reflect.getMetadata(PATH_METADATA, handler);
        if (!method || paths === undefined) continue;
        for (const prefix of prefixes) for (const path of asList(paths)) routes.push({ method, path: join(prefix, path) });
      }
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [value === undefined ? '' : String(value)];
}

function join(prefix: string, path: string): string {
  return `/${[prefix, path].map((part) => part.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;
}
