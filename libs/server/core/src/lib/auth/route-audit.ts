import { Injectable, type OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ACCESS_RULE, type AccessRule } from './access-rules';

export interface RouteInfo {
  controller: string;
  handler: string;
  /** e.g. "POST /users/:id/activate" (without the /api/v1 prefix). */
  route: string;
  rule: AccessRule | undefined;
}

/** Every controller handler of the application with the access rule it declares. */
export function listRoutes(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const proto = Object.getPrototypeOf(instance) as object;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = (proto as Record<string, unknown>)[name];
      if (typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
      const path = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
      routes.push({
        controller: metatype.name,
        handler: name,
        route: `${RequestMethod[method]} /${[base, path].filter((p) => p && p !== '/').join('/')}`,
        rule: reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler, metatype]),
      });
    }
  }
  return routes;
}

export const findRoutesWithoutRule = (
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
) => listRoutes(discovery, scanner, reflector).filter((r) => !r.rule);

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
