import { expect } from '@open-wc/testing';

describe('browser', () => {
  it('runs in a zone other than UTC', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('Pacific/Chatham');
  });
});
