import { Injectable } from '@nestjs/common';

export interface PageRequest {
  method: string;
  path: string;
  hostname: string;
}

/** Returns the file name (inside the built web folder) to serve for this request, or null. */
export type PageResolver = (req: PageRequest) => string | null;

/**
 * Which built HTML page answers a browser request, before the technician app's index.html:
 * libs add resolvers (e.g. the customer portal on `<subdomain>.<base domain>/`).
 */
@Injectable()
export class WebPages {
  private readonly resolvers: PageResolver[] = [];

  add(resolver: PageResolver): void {
    this.resolvers.push(resolver);
  }

  resolve(req: PageRequest): string | null {
    for (const resolve of this.resolvers) {
      const page = resolve(req);
      if (page) return page;
    }
    return null;
  }
}
