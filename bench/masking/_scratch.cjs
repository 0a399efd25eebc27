require('../../scripts/register.cjs');
const { mask } = require('@switchboard/masking');
const lines = [
 'Call me on + 1 (123) 456 7890 please', 'my number +447966197542', 'card 4625 9780 1212 7514 exp 12/25',
 'email Melissa@gmail.com thanks', 'IBAN FR76 3000 6000 0112 3456 7890 189 merci', 'mon 06 12 34 56 78', '0033 6 12 34 56 78',
 'SSN 123-45-6789', 'my ssn is 123456789', 'order 123456789', 'IMEI 352099001761481', 'SIRET 36252187900034', 'v1.2.3 on 192.168.1.20',
 'tracking 1Z999AA10123456784', 'date 2024-05-12 14:30', 'price $1,299.99', '+44 (0)20 7946 0958', '(415) 555-2671', 'call 4155552671', 'ref 4155552671',
 'john.doe+tag@mail.sub.example.co.uk', 'deux numéros: 06 12 34 56 78 07 98 76 54 32', 'Mon numéro de sécurité sociale est 123 45 6789',
 'Commande n° 0612345678', 'FedEx 123456789012', '030 12345678', 'Masked ************7514 and m******@gmail.com',
];
for (const l of lines) { const r = mask(l); console.log(JSON.stringify(l), '->', JSON.stringify(r.text), r.entities.map(e=>e.type).join(',')); const r2 = mask(r.text); if (r2.text!==r.text) console.log('  NOT IDEMPOTENT', r2.text); }
