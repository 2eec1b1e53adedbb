import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { provideLiveIcons } from '../../live-icons';
import { VideoTileComponent } from './video-tile.component';

describe('VideoTileComponent', () => {
  let play: jest.SpyInstance;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideTranslateService({ fallbackLang: 'id' }), provideLiveIcons()],
    });
    play = jest.spyOn(HTMLMediaElement.prototype, 'play');
  });

  afterEach(() => play.mockRestore());

  async function render(local: boolean) {
    const fixture = TestBed.createComponent(VideoTileComponent);
    fixture.componentRef.setInput('stream', { id: 's1' } as MediaStream);
    fixture.componentRef.setInput('label', 'Pelatih Demo');
    fixture.componentRef.setInput('local', local);
    fixture.detectChanges();
    await fixture.whenStable();
    for (let i = 0; i < 5; i++) {
      await Promise.resolve();
    }
    fixture.detectChanges();
    const root = fixture.nativeElement as HTMLElement;
    return { fixture, root, video: root.querySelector('video') as HTMLVideoElement };
  }

  it('plays the stream inline, marked for the learner side', async () => {
    play.mockResolvedValue(undefined);
    const { video } = await render(false);
    expect(video.getAttribute('data-testid')).toBe('remote-video');
    expect(video.hasAttribute('playsinline')).toBe(true);
    expect(video.hasAttribute('autoplay')).toBe(true);
    expect((video as unknown as { srcObject: unknown }).srcObject).toEqual({ id: 's1' });
    expect(play).toHaveBeenCalled();
  });

  it('plays muted when the browser refuses sound, and offers to turn it on', async () => {
    play
      .mockRejectedValueOnce(new DOMException('no gesture', 'NotAllowedError'))
      .mockResolvedValue(undefined);
    const { root, video, fixture } = await render(false);
    expect(video.muted).toBe(true);
    const unmute = root.querySelector<HTMLButtonElement>('.unmute');
    expect(unmute?.textContent).toContain('live.stage.unmute');
    unmute?.click();
    fixture.detectChanges();
    expect(video.muted).toBe(false);
  });

  it('lets the media plane follow the element while it shows the stream', async () => {
    play.mockResolvedValue(undefined);
    const stop = jest.fn();
    const observe = jest.fn(() => stop);
    const fixture = TestBed.createComponent(VideoTileComponent);
    fixture.componentRef.setInput('stream', { id: 's1' } as MediaStream);
    fixture.componentRef.setInput('label', 'Pelatih Demo');
    fixture.componentRef.setInput('observe', observe);
    fixture.detectChanges();
    await fixture.whenStable();
    const video = (fixture.nativeElement as HTMLElement).querySelector('video');
    expect(observe).toHaveBeenCalledWith(video);
    expect(stop).not.toHaveBeenCalled();
    fixture.destroy();
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('keeps the local preview muted and marked as such', async () => {
    play.mockResolvedValue(undefined);
    const { video, root } = await render(true);
    expect(video.getAttribute('data-testid')).toBe('local-video');
    expect(video.muted).toBe(true);
    expect(root.querySelector('.unmute')).toBeNull();
  });
});
