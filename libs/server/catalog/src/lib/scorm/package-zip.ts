import { Transform, type Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { checkEntryPath, isSymlinkEntry } from './package-paths';
import { ScormRefusal } from './scorm-refusal';

export interface PackageLimits {
  maxFiles: number;
  maxUnpackedBytes: number;
}

export interface PackageFile {
  entry: Entry;
  /** Normalised path inside the package. */
  path: string;
  size: number;
}

export interface PackageListing {
  zip: ZipFile;
  files: PackageFile[];
  /** Sum of the declared uncompressed sizes. */
  totalBytes: number;
  manifest: PackageFile;
}

/** Above this ratio (uncompressed / compressed) a large entry is treated as a zip bomb. */
export const MAX_COMPRESSION_RATIO = 200;
const RATIO_MIN_BYTES = 1024 * 1024;
const MANIFEST_MAX_BYTES = 5 * 1024 * 1024;

const MB = (n: number) =>
  `${(n / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;

/** yauzl's own refusals of unsafe names, said in Indonesian. */
function translateZipError(e: Error): ScormRefusal {
  const m = /^(invalid characters in fileName|absolute path|invalid relative path): (.*)$/.exec(
    e.message,
  );
  if (m) {
    try {
      checkEntryPath(m[2]);
    } catch (refusal) {
      if (refusal instanceof ScormRefusal) return refusal;
    }
    return new ScormRefusal(`Paket ditolak: entri zip "${m[2]}" memakai jalur yang tidak aman.`);
  }
  return new ScormRefusal(
    `Berkas ini bukan arsip zip yang utuh (${e.message}). Buat ulang zip paketnya, lalu unggah lagi.`,
  );
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(
      path,
      {
        lazyEntries: true,
        autoClose: false,
        validateEntrySizes: true,
        strictFileNames: true,
        decodeStrings: true,
      },
      (err, zip) => (err ? reject(translateZipError(err)) : resolve(zip)),
    ),
  );
}

function readCentralDirectory(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (err: Error) => reject(translateZipError(err)));
    zip.readEntry();
  });
}

/** Names of other e-learning formats, to tell the uploader what they sent instead. */
function otherFormat(paths: string[]): string | null {
  const lower = paths.map((p) => p.toLowerCase());
  if (lower.includes('cmi5.xml'))
    return 'Paket ini tampaknya cmi5 (ada cmi5.xml), bukan SCORM 1.2.';
  if (lower.includes('tincan.xml'))
    return 'Paket ini tampaknya xAPI/Tin Can (ada tincan.xml), bukan SCORM 1.2.';
  if (lower.some((p) => !p.includes('/') && /\.(crs|au|des|cst)$/.test(p)))
    return 'Paket ini tampaknya AICC (ada berkas .crs/.au/.des), bukan SCORM 1.2.';
  return null;
}

/**
 * Opens a package zip and checks its central directory BEFORE anything is
 * extracted: entry count, declared total size and compression ratio (zip
 * bombs), unsafe paths (zip-slip), symlinks, encryption, unknown compression,
 * duplicates, and an imsmanifest.xml at the root. The caller closes `zip`.
 */
export async function openPackage(path: string, limits: PackageLimits): Promise<PackageListing> {
  const zip = await openZip(path);
  try {
    if (zip.entryCount > limits.maxFiles) {
      throw new ScormRefusal(
        `Paket berisi ${zip.entryCount} entri; batasnya ${limits.maxFiles}. Hapus berkas yang tidak dipakai dari paket.`,
      );
    }
    const entries = await readCentralDirectory(zip);
    const files: PackageFile[] = [];
    const seen = new Set<string>();
    let totalBytes = 0;
    for (const entry of entries) {
      const path = checkEntryPath(entry.fileName);
      if (isSymlinkEntry(entry.externalFileAttributes)) {
        throw new ScormRefusal(
          `Paket ditolak: entri "${entry.fileName}" adalah tautan simbolik (symlink). Paket hanya boleh berisi berkas dan folder biasa.`,
        );
      }
      if (entry.isEncrypted()) {
        throw new ScormRefusal(
          `Paket ditolak: entri "${entry.fileName}" terenkripsi (zip berkata sandi). Buat zip tanpa kata sandi.`,
        );
      }
      if (path.endsWith('/')) continue; // a folder
      if (!entry.canDecodeFileData()) {
        throw new ScormRefusal(
          `Entri "${entry.fileName}" memakai metode kompresi ${entry.compressionMethod} yang tidak didukung; buat zip dengan kompresi standar (deflate).`,
        );
      }
      const key = path.toLowerCase();
      if (seen.has(key)) {
        throw new ScormRefusal(`Paket ditolak: berkas "${path}" muncul lebih dari sekali di zip.`);
      }
      seen.add(key);
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > RATIO_MIN_BYTES && ratio > MAX_COMPRESSION_RATIO) {
        throw new ScormRefusal(
          `Paket ditolak: entri "${path}" mengembang ${Math.round(ratio)} kali (${MB(entry.uncompressedSize)} dari ${MB(entry.compressedSize)}), ciri zip bomb.`,
        );
      }
      totalBytes += entry.uncompressedSize;
      files.push({ entry, path, size: entry.uncompressedSize });
    }
    if (totalBytes > limits.maxUnpackedBytes) {
      throw new ScormRefusal(
        `Isi paket setelah dibuka berjumlah ${MB(totalBytes)}; batasnya ${MB(limits.maxUnpackedBytes)}. Perkecil paket (mis. kompres video dan gambar).`,
      );
    }
    const manifest = files.find((f) => f.path.toLowerCase() === 'imsmanifest.xml');
    if (!manifest) {
      const nested = files.find((f) => /(^|\/)imsmanifest\.xml$/i.test(f.path));
      const hint = nested
        ? ` Ada "${nested.path}": zip isi folder "${nested.path.slice(0, -'imsmanifest.xml'.length)}", bukan foldernya, agar imsmanifest.xml berada di akar.`
        : ` ${otherFormat(files.map((f) => f.path)) ?? 'Pastikan paket diekspor sebagai SCORM 1.2.'}`;
      throw new ScormRefusal(`Tidak ada imsmanifest.xml di akar paket.${hint}`);
    }
    return { zip, files, totalBytes, manifest };
  } catch (e) {
    zip.close();
    throw e;
  }
}

/** Opens one entry's bytes; yauzl checks the actual size against the declared one. */
export function entryStream(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) =>
      err ? reject(translateZipError(err)) : resolve(stream),
    ),
  );
}

/**
 * The entry's bytes counted against a budget shared by all entries: a zip whose
 * data is larger than its directory says is stopped while extracting.
 */
export function countedStream(src: Readable, budget: { left: number }, path: string): Readable {
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      budget.left -= chunk.length;
      if (budget.left < 0) {
        cb(
          new ScormRefusal(
            `Paket ditolak: isi "${path}" lebih besar daripada yang dinyatakan zip (ciri zip bomb).`,
          ),
        );
      } else cb(null, chunk);
    },
  });
  src.on('error', (e) => counter.destroy(e instanceof ScormRefusal ? e : translateZipError(e)));
  counter.on('close', () => src.destroy());
  return src.pipe(counter);
}

export async function readManifestBytes(zip: ZipFile, manifest: PackageFile): Promise<Buffer> {
  if (manifest.size > MANIFEST_MAX_BYTES) {
    throw new ScormRefusal(
      `imsmanifest.xml berukuran ${MB(manifest.size)}; terlalu besar untuk sebuah manifest.`,
    );
  }
  const chunks: Buffer[] = [];
  const budget = { left: MANIFEST_MAX_BYTES };
  for await (const c of countedStream(
    await entryStream(zip, manifest.entry),
    budget,
    manifest.path,
  ))
    chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
