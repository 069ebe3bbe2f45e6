// Marks the time of the last successful build so bin/labmate can tell when src/ changed since.
import { writeFileSync } from 'node:fs';
writeFileSync(new URL('../dist/.build-stamp', import.meta.url), new Date().toISOString() + '\n');
