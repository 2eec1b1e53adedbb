import { Injectable, type OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ACCESS_RULE } from './access-rules';

export interface RouteWithoutRule {
  controller: string;
  handler: string;
  route: string;
}

/** Lists the controller handlers that have no access rule. */
export function findRoutesWithoutRule(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
): RouteWithoutRule[] {
  const missing: RouteWithoutRule[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const proto = Object.getPrototypeOf(instance) as object;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = (proto as Record<string, unknown>)[name];
      if (typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const rule: unknown = reflector.getAllAndOverride(ACCESS_RULE, [handler, metatype]);
      if (!rule) {
        const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
        const path = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        missing.push({
          controller: metatype.name,
          handler: name,
          route: `${RequestMethod[method]} /${[base, path].filter(Boolean).join('/')}`,
        });
      }
    }
  }
  return missing;
}

/** Refuses to start an api in which any route forgot to say who may call it. */
@Injectable()
export class RouteAudit implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const missing = findRoutesWithoutRule(this.discovery, this.scanner, this.reflector);
    if (missing.length > 0) {
      throw new Error(
        `Routes without an access rule (@Public, @Authenticated or @Roles):\n${missing
          .map((m) => `  ${m.route} (${m.controller}.${m.handler})`)
          .join('\n')}`,
      );
    }
  }
}
