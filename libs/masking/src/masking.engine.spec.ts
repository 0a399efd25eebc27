import { detectorMaskingEngine } from './masking.engine.js';

describe('detectorMaskingEngine.detect', () => {
  const text = 'Carte 4111 1111 1111 1111, mail a.b@example.com';

  it('gives the spans of what mask() hides, narrowed by type', () => {
    const all = detectorMaskingEngine.detect!(text);
    expect(all.map((e) => [e.type, text.slice(e.start, e.end)])).toEqual([
      ['CREDIT_CARD', '4111 1111 1111 1111'],
      ['EMAIL', 'a.b@example.com'],
    ]);
    expect(detectorMaskingEngine.detect!(text, ['EMAIL']).map((e) => e.type)).toEqual(['EMAIL']);
    expect(detectorMaskingEngine.detect!(text, [])).toEqual([]);
  });
});
