// Run before the tests: the end-to-end tests drive Debian's Chromium (and need CJK fonts to
// render Chinese); the export and sync tests need the Debian packages listed below. On a fresh machine where we are root with apt, install them; elsewhere say
// exactly what is missing. Never skips: a missing browser fails the run with this message.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const cjkFont = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
if (!existsSync(cjkFont)) missing.push('fonts-noto-cjk');
// Arabic (and other scripts) for exported PDFs; LibreOffice reads exported DOCX as a real client
// would; pdftotext checks exported PDFs; redis-server backs the sync scale-out test.
if (!existsSync('/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf')) missing.push('fonts-noto-core');
if (!existsSync('/usr/bin/soffice')) missing.push('libreoffice-writer-nogui');
if (!existsSync('/usr/bin/pdftotext')) missing.push('poppler-utils');
if (!existsSync('/usr/bin/redis-server')) missing.push('redis-server');

if (missing.length > 0) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`Installing the test prerequisites with apt-get: ${missing.join(', ')}`);
    execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    console.error(`The tests need: ${missing.join(', ')}. Install them with:\n  sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
}
