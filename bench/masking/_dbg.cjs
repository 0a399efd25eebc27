require('../../scripts/register.cjs');
const { scanRuns } = require('../../libs/masking/src/numeric-run.scanner.ts');
const { detectPhonesInRun } = require('../../libs/masking/src/phone.detector.ts');
const t = 'deux numéros: 06 12 34 56 78 07 98 76 54 32';
for (const r of scanRuns(t)) { console.log(r); detectPhonesInRun(t, r, ['US','GB','FR','DE'], 'x|', s => console.log(s)); }
const lp = require('libphonenumber-js/max'); const p = lp.parsePhoneNumberFromString('0798765432','FR'); console.log(p && p.isValid());
