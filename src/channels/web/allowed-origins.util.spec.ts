import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isOriginAllowed } from './allowed-origins.util';

describe('isOriginAllowed', () => {
  const allowed = 'https://www.stadt-beispiel.de, https://beratung.example.org/';

  it('allows requests without Origin, the service itself and the listed origins', () => {
    assert.equal(isOriginAllowed(undefined, 'chat.example.org', allowed), true);
    assert.equal(isOriginAllowed('https://chat.example.org', 'chat.example.org', undefined), true);
    assert.equal(isOriginAllowed('https://www.stadt-beispiel.de', 'chat.example.org', allowed), true);
    assert.equal(isOriginAllowed('https://beratung.example.org', 'chat.example.org', allowed), true);
  });

  it('refuses other origins, look-alikes and garbage; "*" allows every origin', () => {
    assert.equal(isOriginAllowed('https://evil.example', 'chat.example.org', allowed), false);
    assert.equal(isOriginAllowed('http://www.stadt-beispiel.de', 'chat.example.org', allowed), false);
    assert.equal(
      isOriginAllowed('https://www.stadt-beispiel.de.evil.example', 'chat.example.org', allowed),
      false,
    );
    assert.equal(isOriginAllowed('null', 'chat.example.org', allowed), false);
    assert.equal(isOriginAllowed('https://evil.example', 'chat.example.org', '*'), true);
  });
});
