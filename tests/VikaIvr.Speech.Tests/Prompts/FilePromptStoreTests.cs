using VikaIvr.Flows.Ports;
using VikaIvr.Media.Audio;
using VikaIvr.Speech.Prompts;

namespace VikaIvr.Speech.Tests.Prompts;

public class FilePromptStoreTests
{
    [Fact]
    public async Task Loads_any_wav_as_8_khz_and_shares_the_clip()
    {
        using var fx = new PromptFixture();
        await fx.Library().SynthesizeAsync(false, CancellationToken.None);
        WavWriter.Write(Path.Combine(fx.Root, "id", "welcome.wav"), PromptFixture.Speechy(22050, 1), 22050);

        var store = fx.Store();
        var clip = store.Get("welcome");
        Assert.Equal(AudioClipKind.Prompt, clip.Kind);
        Assert.InRange(clip.Samples.Length, 7990, 8010);
        Assert.Equal("Selamat datang di Care Center 165.", clip.Text);
        Assert.Same(clip, store.Get("welcome"));
        Assert.Equal(AudioClipKind.Tone, store.Get("beep").Kind);
        Assert.Equal(PromptStatus.Synthesized, store.GetStatus("goodbye"));
        Assert.Equal(3, store.Preload().Count);
    }

    [Fact]
    public async Task Calls_reaching_a_prompt_together_share_one_decoding()
    {
        using var fx = new PromptFixture();
        await fx.Library().SynthesizeAsync(false, CancellationToken.None);
        WavWriter.Write(Path.Combine(fx.Root, "id", "welcome.wav"), PromptFixture.Speechy(22050, 1), 22050);
        var store = fx.Store();

        using var start = new Barrier(8);
        var clips = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return store.Get("welcome");
        })));

        Assert.All(clips, c => Assert.Same(clips[0], c));
    }

    [Fact]
    public void Unknown_or_missing_prompts_are_not_contained()
    {
        using var fx = new PromptFixture();
        var store = fx.Store();
        Assert.False(store.Contains("welcome")); // in the manifest, no audio
        Assert.False(store.Contains("nope"));
        Assert.Empty(store.PromptIds);
        Assert.Throws<KeyNotFoundException>(() => store.Get("welcome"));
        Assert.Throws<KeyNotFoundException>(() => store.Get("nope"));
        Assert.Equal(PromptStatus.Missing, store.GetStatus("welcome"));
    }

    [Fact]
    public void Picks_up_a_new_version_without_restart()
    {
        using var fx = new PromptFixture();
        var library = fx.Library();
        WavWriter.Write(fx.Source("v1.wav"), PromptFixture.Speechy(8000, 1), 8000);
        WavWriter.Write(fx.Source("v2.wav"), PromptFixture.Speechy(8000, 2), 8000);
        library.Import("welcome", fx.Source("v1.wav"));

        var store = fx.Store(TimeSpan.FromSeconds(1));
        var first = store.Get("welcome");
        Assert.InRange(first.Duration.TotalSeconds, 0.99, 1.01);

        library.Import("welcome", fx.Source("v2.wav"));
        Assert.Same(first, store.Get("welcome")); // within the check interval: no stat at all

        fx.Time.Advance(TimeSpan.FromSeconds(1.5));
        var second = store.Get("welcome");
        Assert.NotSame(first, second);
        Assert.InRange(second.Duration.TotalSeconds, 1.99, 2.01);
        Assert.Equal(PromptStatus.Recorded, store.GetStatus("welcome"));
    }

    [Fact]
    public void Reload_puts_a_new_version_in_play_at_once_and_keeps_the_old_one_when_the_new_file_is_broken()
    {
        using var fx = new PromptFixture();
        var library = fx.Library();
        WavWriter.Write(fx.Source("v1.wav"), PromptFixture.Speechy(8000, 1), 8000);
        WavWriter.Write(fx.Source("v2.wav"), PromptFixture.Speechy(8000, 2), 8000);
        library.Import("welcome", fx.Source("v1.wav"));
        var store = fx.Store(TimeSpan.FromHours(1));
        var first = store.Get("welcome");

        library.Import("welcome", fx.Source("v2.wav"));
        Assert.Same(first, store.Get("welcome"));
        store.Reload("welcome");
        var second = store.Get("welcome");
        Assert.InRange(second.Duration.TotalSeconds, 1.99, 2.01);

        File.WriteAllText(Path.Combine(fx.Root, "id", "welcome.wav"), "broken");
        store.Reload("welcome");
        Assert.Same(second, store.Get("welcome"));
        store.Reload("not-in-manifest");
    }

    [Fact]
    public async Task Preloading_leaves_out_an_unreadable_prompt_and_loads_the_rest()
    {
        using var fx = new PromptFixture();
        await fx.Library().SynthesizeAsync(false, CancellationToken.None);
        File.WriteAllText(Path.Combine(fx.Root, "id", "bye.wav"), "not a wav");
        var store = fx.Store();

        var clips = store.Preload();

        Assert.Equal(["beep", "welcome"], clips.Select(c => c.Id).Order());
        Assert.Throws<KeyNotFoundException>(() => store.Get("goodbye"));
    }

    [Fact]
    public void Keeps_playing_the_loaded_version_when_the_file_goes_bad()
    {
        using var fx = new PromptFixture();
        WavWriter.Write(Path.Combine(fx.Root, "id", "welcome.wav"), PromptFixture.Speechy(8000, 1), 8000);
        var store = fx.Store(TimeSpan.Zero);
        var clip = store.Get("welcome");
        File.WriteAllText(Path.Combine(fx.Root, "id", "welcome.wav"), "broken");
        Assert.Same(clip, store.Get("welcome"));
        File.Delete(Path.Combine(fx.Root, "id", "welcome.wav"));
        Assert.Same(clip, store.Get("welcome"));
    }

    [Fact]
    public void Hand_placed_file_without_metadata_counts_as_recorded()
    {
        using var fx = new PromptFixture();
        WavWriter.Write(Path.Combine(fx.Root, "id", "bye.wav"), PromptFixture.Speechy(8000, 1), 8000);
        Assert.Equal(PromptStatus.Recorded, fx.Store().GetStatus("goodbye"));
    }
}
