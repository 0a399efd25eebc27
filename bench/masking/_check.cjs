require('../../scripts/register.cjs');
const { mask } = require('@switchboard/masking');
const { luhn } = require('../../libs/masking/src/luhn.util.ts');
const { isValidIBAN } = require('ibantools');
const lp = require('libphonenumber-js/max');
const items = require('../../libs/masking/test/corpus.json');
let bad = 0;
for (const it of items) {
  for (const e of it.entities) {
    if (e.type === 'CREDIT_CARD' && !luhn(e.value.replace(/\D/g, ''))) console.log('BAD LUHN', e.value);
    if (e.type === 'IBAN' && !isValidIBAN(e.value.replace(/\s/g, '').toUpperCase())) console.log('BAD IBAN', e.value);
    if (e.type === 'PHONE') { const p = lp.parsePhoneNumberFromString(e.value.replace('(0)',''), 'US') ; const p2 = lp.parsePhoneNumberFromString(e.value.replace('(0)',''), 'FR'); const p3 = lp.parsePhoneNumberFromString(e.value, 'GB'); const p4 = lp.parsePhoneNumberFromString(e.value, 'DE'); if (![p,p2,p3,p4].some(x => x && x.isValid())) console.log('phone not valid', e.value); }
  }
  const r = mask(it.text);
  if (r.text !== it.expected) { bad++; console.log('FAIL', JSON.stringify(it.text), '\n   got', JSON.stringify(r.text), '\n  want', JSON.stringify(it.expected)); }
}
console.log('failures', bad, '/', items.length);
