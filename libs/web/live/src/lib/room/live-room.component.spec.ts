import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import type { MeResponse } from '@siantar/contracts';
import { AuthService, provideAppIcons } from '@siantar/web-core';
import { provideLiveIcons } from '../live-icons';
import { LiveRoomComponent } from './live-room.component';
import { LIVE_SOCKET_FACTORY, type LiveSocket } from './live-socket';
import { FakeSocket } from './testing/fake-socket';
import { message, person, poll, question, snapshot } from './testing/room-fixtures';

/** The room screen over a fake socket (translation keys are shown as they are). */
describe('LiveRoomComponent', () => {
  let socket: FakeSocket;
  let fixture: ComponentFixture<LiveRoomComponent>;

  const settle = async (): Promise<void> => {
    for (let i = 0; i < 5; i++) {
      await Promise.resolve();
    }
    await fixture.whenStable();
  };
  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const text = (): string => root().textContent ?? '';

  async function join(over: Parameters<typeof snapshot>[0] = {}): Promise<void> {
    socket.up();
    socket.take('room:sync').ack(null, { ok: true, data: snapshot(over) });
    await settle();
  }

  beforeEach(async () => {
    socket = new FakeSocket();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ fallbackLang: 'id' }),
        provideAppIcons(),
        provideLiveIcons(),
        { provide: LIVE_SOCKET_FACTORY, useValue: async () => socket as unknown as LiveSocket },
      ],
    });
    const auth = TestBed.inject(AuthService);
    auth.setUser({ id: 'u1', name: 'Rina' } as MeResponse);
    jest.spyOn(auth, 'accessToken').mockReturnValue('token-1');
    fixture = TestBed.createComponent(LiveRoomComponent);
    fixture.componentRef.setInput('id', '10000000-0000-4000-8000-000000000000');
    fixture.detectChanges();
    await settle();
  });

  afterEach(() => fixture.destroy());

  it('shows the connection state in a live region and the room once synced', async () => {
    const state = root().querySelector('[data-testid=connection-state]');
    expect(state?.getAttribute('aria-live')).toBe('polite');
    expect(state?.textContent).toContain('live.connection.connecting');
    expect(text()).toContain('live.room.joining');

    await join();
    expect(state?.textContent).toContain('live.connection.connected');
    expect(root().querySelector('h1')?.textContent).toContain(
      'Webinar Pelayanan Prima: Menghadapi Antrean',
    );
  });

  it('shows why the server refused the handshake', async () => {
    socket.active = false;
    socket.fire(
      'connect_error',
      new Error('Sesi tidak ditemukan atau Anda tidak diundang ke sesi ini.'),
    );
    await settle();
    expect(root().querySelector('[data-testid=room-refused]')?.textContent).toContain(
      'Sesi tidak ditemukan atau Anda tidak diundang ke sesi ini.',
    );
  });

  it('shows chat from the server and sends the user’s message', async () => {
    await join({ chat: [message('m1', { text: 'Selamat pagi semua' })] });
    expect(text()).toContain('Selamat pagi semua');

    socket.fire('chat:message', message('m2', { text: 'Antrean di loket 3 panjang' }));
    await settle();
    expect(root().querySelectorAll('[data-testid=chat-message]')).toHaveLength(2);

    const input = root().querySelector<HTMLTextAreaElement>('[data-testid=chat-input]');
    if (!input) {
      throw new Error('no chat input');
    }
    input.value = 'Terima kasih';
    input.dispatchEvent(new Event('input'));
    await settle();
    root().querySelector<HTMLButtonElement>('[data-testid=chat-send]')?.click();
    await settle();
    const sent = socket.take('chat:send');
    expect(sent.payload).toEqual({ text: 'Terima kasih' });
    sent.ack(null, { ok: true, data: message('m3', { text: 'Terima kasih' }) });
    await settle();
    expect(root().querySelectorAll('[data-testid=chat-message]')).toHaveLength(3);
    expect(input.value).toBe('');
  });

  it('gives a host the host controls and the attendance tab, but not a participant', async () => {
    await join();
    expect(root().querySelector('[data-testid=room-end]')).toBeNull();
    expect(text()).not.toContain('live.panel.attendance');

    socket.fire('participant:updated', person({ role: 'host', userId: snapshot().me.userId }));
    await settle();
    expect(root().querySelector('[data-testid=room-end]')).not.toBeNull();
    expect(text()).toContain('live.panel.attendance');
  });

  it('counts open questions and polls on their tabs', async () => {
    await join({ questions: [question('q1')], polls: [poll('p1')] });
    const tabs = Array.from(root().querySelectorAll('[role=tab]')).map((t) =>
      (t.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
    expect(tabs).toEqual([
      'live.panel.chat',
      'live.panel.qa 1',
      'live.panel.polls 1',
      'live.panel.people 2',
    ]);
  });

  it('ends on a final screen when the host ends the session', async () => {
    await join();
    socket.fire('session:ended', { endedAt: '2026-12-01T03:30:00.000Z' });
    socket.connected = false;
    socket.fire('disconnect', 'io server disconnect');
    await settle();
    expect(root().querySelector('[data-testid=room-ended]')).not.toBeNull();
    expect(root().querySelector('[data-testid=connection-state]')?.textContent).toContain(
      'live.connection.disconnected',
    );
  });

  it('shows the reason when the host removed the user', async () => {
    await join();
    socket.fire('removed', { reason: 'Pemandu sesi mengeluarkan Anda dari ruang ini.' });
    await settle();
    expect(root().querySelector('[data-testid=room-removed]')?.textContent).toContain(
      'Pemandu sesi mengeluarkan Anda dari ruang ini.',
    );
  });
});
