import { Injectable } from '@nestjs/common';
import { Asset, ASSETS_DIR, loadAssets } from './assets';

/** The web pages' assets, and the versioned address each page links. */
@Injectable()
export class WebAssets {
  private readonly assets: Map<string, Asset> = loadAssets(ASSETS_DIR);

  get(name: string): Asset | undefined {
    return this.assets.get(name);
  }

  urlOf(name: string): string {
    const asset = this.assets.get(name);
    if (!asset) throw new Error(`No web asset ${name} in ${ASSETS_DIR}`);
    return `/assets/${name}?v=${asset.version}`;
  }
}
