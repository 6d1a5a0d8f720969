using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Flows.Ports;
using VikaIvr.Speech.Text;

namespace VikaIvr.Speech.Tests.Caching;

public class SpeechServiceTests
{
    private static SpeechService Create(FakeSpeechEngine engine, string? cacheDir = null, int memorySeconds = 600) =>
        new(engine, new IndonesianNormalizer(), new SpeechServiceOptions { CacheDirectory = cacheDir, MemoryCacheSeconds = memorySeconds },
            NullLogger<SpeechService>.Instance);

    [Fact]
    public async Task Normalises_before_synthesis_and_returns_a_speech_clip()
    {
        var engine = new FakeSpeechEngine();
        var clip = await Create(engine).SayAsync("kelas 3", CancellationToken.None);
        Assert.Equal(AudioClipKind.Speech, clip.Kind);
        Assert.Equal("kelas tiga", clip.Text);
        Assert.Equal(["kelas tiga"], engine.Texts);
        Assert.Equal("kelas tiga".Length * 80, clip.Samples.Length);
    }

    [Fact]
    public async Task A_fixed_sentence_is_synthesized_once_and_shared_by_answers()
    {
        var engine = new FakeSpeechEngine();
        var service = Create(engine);
        await service.PreSynthesizeAsync(["Silakan lakukan registrasi ulang."], CancellationToken.None);
        var answer = await service.SayAsync("Status tidak aktif karena data NIK belum sesuai. Silakan lakukan registrasi ulang.", CancellationToken.None);
        Assert.Equal(["Silakan lakukan registrasi ulang.", "Status tidak aktif karena data NIK belum sesuai."], engine.Texts);
        Assert.Equal(answer.Text!.Length * 80 - 80, answer.Samples.Length); // both parts, without the joining space
        Assert.Equal("Status tidak aktif karena data NIK belum sesuai. Silakan lakukan registrasi ulang.", answer.Text);
    }

    [Fact]
    public async Task Second_call_is_served_from_memory()
    {
        var engine = new FakeSpeechEngine();
        var service = Create(engine);
        var first = await service.SayAsync("Tagihan 700000 rupiah", CancellationToken.None);
        var second = await service.SayAsync("Tagihan Rp 700.000", CancellationToken.None); // same words
        Assert.Equal(1, engine.Calls);
        Assert.Equal(1, service.MemoryHits);
        Assert.Equal(first.Id, second.Id);
        Assert.True(first.Samples.Span.SequenceEqual(second.Samples.Span));
    }

    [Fact]
    public async Task The_same_answer_is_the_same_clip_so_calls_share_its_encoding()
    {
        var engine = new FakeSpeechEngine();
        var service = Create(engine);
        const string Answer = "Peserta atas nama Budi Santoso. Status kepesertaan aktif.";
        var first = await service.SayAsync(Answer, CancellationToken.None);
        var second = await service.SayAsync(Answer, CancellationToken.None);
        var single = await service.SayAsync("kelas 3", CancellationToken.None);
        Assert.Same(first, second);
        Assert.Same(single, await service.SayAsync("kelas tiga", CancellationToken.None));
        Assert.Equal(3, engine.Calls); // two sentences and "kelas tiga", each once
        Assert.Equal(2, service.MemoryHits);
    }

    [Fact]
    public async Task A_small_cache_drops_old_answers_and_says_them_again()
    {
        var engine = new FakeSpeechEngine();
        var service = Create(engine, memorySeconds: 1); // 8000 samples: one short answer at a time
        var first = await service.SayAsync("Satu dua tiga. Empat lima.", CancellationToken.None);
        await service.SayAsync("Enam tujuh delapan sembilan sepuluh sebelas. Dua belas tiga belas empat belas.", CancellationToken.None);
        var again = await service.SayAsync("Satu dua tiga. Empat lima.", CancellationToken.None);
        Assert.NotSame(first, again);
        Assert.True(first.Samples.Span.SequenceEqual(again.Samples.Span));
    }

    [Fact]
    public async Task Different_voice_is_a_different_cache_entry()
    {
        using var dir = new TempDirectory();
        await Create(new FakeSpeechEngine { Voice = "a" }, dir.Path).SayAsync("halo", CancellationToken.None);
        var other = new FakeSpeechEngine { Voice = "b" };
        await Create(other, dir.Path).SayAsync("halo", CancellationToken.None);
        Assert.Equal(1, other.Calls);
    }

    [Fact]
    public async Task Disk_cache_survives_a_new_instance()
    {
        using var dir = new TempDirectory();
        var first = new FakeSpeechEngine();
        var original = await Create(first, dir.Path).SayAsync("Selamat datang.", CancellationToken.None);
        Assert.NotEmpty(Directory.GetFiles(dir.Path, "*.wav", SearchOption.AllDirectories));

        var second = new FakeSpeechEngine();
        var service = Create(second, dir.Path);
        var again = await service.SayAsync("Selamat datang.", CancellationToken.None);
        Assert.Equal(0, second.Calls);
        Assert.Equal(1, service.DiskHits);
        Assert.True(original.Samples.Span.SequenceEqual(again.Samples.Span));
    }

    [Fact]
    public async Task Damaged_disk_entry_is_synthesized_again()
    {
        using var dir = new TempDirectory();
        await Create(new FakeSpeechEngine(), dir.Path).SayAsync("halo", CancellationToken.None);
        foreach (var file in Directory.GetFiles(dir.Path, "*.wav", SearchOption.AllDirectories)) File.WriteAllText(file, "junk");
        var engine = new FakeSpeechEngine();
        var clip = await Create(engine, dir.Path).SayAsync("halo", CancellationToken.None);
        Assert.Equal(1, engine.Calls);
        Assert.Equal(4 * 80, clip.Samples.Length);
    }

    [Fact]
    public async Task Memory_cache_is_bounded()
    {
        var engine = new FakeSpeechEngine();
        // 1 s of memory = 8000 samples; each text below is 50 chars = 4000 samples.
        var service = Create(engine, memorySeconds: 1);
        var a = new string('a', 50);
        var b = new string('b', 50);
        var c = new string('c', 50);
        await service.SayAsync(a, CancellationToken.None);
        await service.SayAsync(b, CancellationToken.None);
        await service.SayAsync(c, CancellationToken.None); // evicts a
        await service.SayAsync(c, CancellationToken.None);
        Assert.Equal(3, engine.Calls);
        await service.SayAsync(a, CancellationToken.None);
        Assert.Equal(4, engine.Calls);
    }

    [Fact]
    public async Task Engine_failure_becomes_a_speech_exception()
    {
        var engine = new FakeSpeechEngine { Failure = new InvalidOperationException("boom") };
        var ex = await Assert.ThrowsAsync<SpeechException>(() => Create(engine).SayAsync("halo", CancellationToken.None));
        Assert.Contains("fake", ex.Message);
        // A failure is not cached: the next call tries again.
        engine.Failure = null;
        var clip = await Create(engine).SayAsync("halo", CancellationToken.None);
        Assert.NotEqual(0, clip.Samples.Length);
    }

    [Fact]
    public async Task Failed_synthesis_is_retried_by_the_same_service()
    {
        var engine = new FakeSpeechEngine { Failure = new SpeechException("down") };
        var service = Create(engine);
        await Assert.ThrowsAsync<SpeechException>(() => service.SayAsync("halo", CancellationToken.None));
        engine.Failure = null;
        await service.SayAsync("halo", CancellationToken.None);
        Assert.Equal(2, engine.Calls);
    }

    [Fact]
    public async Task Pre_synthesis_fills_the_cache()
    {
        var engine = new FakeSpeechEngine();
        var service = Create(engine);
        var count = await service.PreSynthesizeAsync(["Peserta atas nama", "segmen", " ", "kelas"], CancellationToken.None);
        Assert.Equal(3, count);
        await service.SayAsync("segmen", CancellationToken.None);
        Assert.Equal(3, engine.Calls);
    }

    [Fact]
    public async Task Concurrent_requests_for_one_text_share_one_synthesis()
    {
        var engine = new FakeSpeechEngine();
        var service = Create(engine);
        var tasks = Enumerable.Range(0, 20).Select(_ => service.SayAsync("sama", CancellationToken.None)).ToArray();
        await Task.WhenAll(tasks);
        Assert.Equal(1, engine.Calls);
    }

    [Fact]
    public async Task Empty_text_needs_no_engine()
    {
        var engine = new FakeSpeechEngine();
        var clip = await Create(engine).SayAsync("  ", CancellationToken.None);
        Assert.Equal(0, clip.Samples.Length);
        Assert.Equal(0, engine.Calls);
    }
}
