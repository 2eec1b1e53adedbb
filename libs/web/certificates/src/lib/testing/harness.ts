import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import type { EnvironmentProviders, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import { provideAppIcons } from '@siantar/web-core';
import { provideCertificateIcons } from '../ui/certificate-icons';
import { certificateStrings } from './fixtures';

/** The test bed every certificate screen needs: http testing, Indonesian strings, icons. */
export function configureCertificatesTest(extra: (Provider | EnvironmentProviders)[] = []): void {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideTranslateService({ fallbackLang: 'id' }),
      provideAppIcons(),
      provideCertificateIcons(),
      ...extra,
    ],
  });
  const translate = TestBed.inject(TranslateService);
  translate.setTranslation('id', certificateStrings('id'));
  translate.use('id');
}

/** Captures what saveBlob offers: the blob and the file name (no real download in jsdom). */
export function captureDownloads(): { saved: { blob: Blob; name: string }[]; restore: () => void } {
  const saved: { blob: Blob; name: string }[] = [];
  const url = URL as unknown as {
    createObjectURL?: (b: Blob) => string;
    revokeObjectURL?: (u: string) => void;
  };
  const originalCreate = url.createObjectURL;
  const originalRevoke = url.revokeObjectURL;
  let last: Blob | null = null;
  url.createObjectURL = (b: Blob) => {
    last = b;
    return 'blob:certificate';
  };
  url.revokeObjectURL = () => undefined;
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    if (last) {
      saved.push({ blob: last, name: this.download });
    }
  });
  return {
    saved,
    restore: () => {
      click.mockRestore();
      url.createObjectURL = originalCreate;
      url.revokeObjectURL = originalRevoke;
    },
  };
}

/** jsdom's Blob has no `text()`, which reading a problem out of a blob error needs. */
export function ensureBlobText(): void {
  const proto = Blob.prototype as { text?: () => Promise<string> };
  if (typeof proto.text === 'function') {
    return;
  }
  proto.text = function (this: Blob): Promise<string> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsText(this);
    });
  };
}
