import { AppConfig } from '@switchboard/core';
import { EmbedScriptService } from './embed-script.service';

describe('EmbedScriptService', () => {
  const sut = new EmbedScriptService({ webDir: null } as unknown as AppConfig);
  const config = (js: string) => JSON.parse(/^window\.__SWITCHBOARD_PORTAL__=(.*);\n/.exec(js)![1]);

  it('prepends the subdomain only when there are no invitation rules', () => {
    expect(config(sut.scriptFor('acme'))).toEqual({ subdomain: 'acme' });
  });

  it('carries the rules, with < escaped so a text can never close the script element', () => {
    const rules = { delaySeconds: 5, urlContains: ['/pricing'], message: '</script><b>hi', messageFr: null };
    const js = sut.scriptFor('acme', rules);
    expect(js.split('\n')[0]).not.toContain('<');
    expect(config(js)).toEqual({ subdomain: 'acme', proactive: rules });
  });
});
