import { clientSubnet } from './client-subnet';

describe('clientSubnet', () => {
  it('keeps IPv4 addresses, also IPv4-mapped IPv6 ones', () => {
    expect(clientSubnet('203.0.113.7')).toBe('203.0.113.7');
    expect(clientSubnet('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    const subnet = '2001:db8:85a3:0::/64';
    for (const address of ['2001:db8:85a3::1', '2001:0db8:85a3:0000:ffff:ffff:ffff:ffff', '2001:DB8:85A3:0:1:2:3:4', '2001:db8:85a3::1%eth0']) {
      expect(clientSubnet(address)).toBe(subnet);
    }
    expect(clientSubnet('2001:db8:85a4::1')).not.toBe(subnet);
    expect(clientSubnet('::1')).toBe('0:0:0:0::/64');
    expect(clientSubnet('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
  });

  it('leaves anything else as it is', () => {
    expect(clientSubnet('unknown')).toBe('unknown');
  });
});
