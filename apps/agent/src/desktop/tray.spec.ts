import { trayUnavailable } from './tray';

describe('desktop agent tray', () => {
  it('is tried only where a desktop can show it, and never with --no-tray', () => {
    expect(trayUnavailable([], { DISPLAY: ':0' }, 'linux')).toBeNull();
    expect(trayUnavailable([], { WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeNull();
    expect(trayUnavailable([], {}, 'linux')).toBe('no display');
    expect(trayUnavailable([], {}, 'win32')).toBeNull();
    expect(trayUnavailable([], {}, 'darwin')).toBeNull();
    expect(trayUnavailable([], {}, 'freebsd')).toBe('no tray support on freebsd');
    expect(trayUnavailable(['--no-tray'], {}, 'win32')).toBe('turned off (--no-tray)');
    expect(trayUnavailable([], { SWITCHBOARD_AGENT_TRAY: '0' }, 'darwin')).toBe('turned off (--no-tray)');
  });
});
