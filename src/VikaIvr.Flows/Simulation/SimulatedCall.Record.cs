using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Simulation;

public sealed partial class SimulatedCall
{
    /// <summary>Level of the tone that stands for the caller's voice (of 32767).</summary>
    public const short VoiceAmplitude = 8000;

    /// <summary>Frequency of that tone, Hz.</summary>
    public const double VoiceFrequency = 440;

    private readonly List<(DateTimeOffset Start, DateTimeOffset End)> _speech = [];
    private PendingRecord? _record;

    /// <summary>Schedules the caller speaking (a tone) from <paramref name="at"/> for <paramref name="duration"/>.</summary>
    public void SpeakAt(DateTimeOffset at, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        _clock.Schedule(at, () => StartSpeaking(duration));
    }

    public Task<RecordResult> RecordAsync(RecordOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ct.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_ended.IsCancellationRequested) return Task.FromResult(RecordResult.HungUp);
            _digits.Clear(); // keys typed before the beep do not count, as on a real call
            var ev = new SimulatedEvent(SimulatedEventKind.Record, _clock.Elapsed, "");
            Add(ev);
            var r = new PendingRecord(options, ev, _clock.GetUtcNow());
            _record = r;
            r.MaxTimer = _clock.ScheduleIn(options.MaxDuration, () =>
            {
                lock (_gate) FinishRecordLocked(r, RecordTermination.MaxDuration);
            });
            ArmSilenceLocked(r);
            Block();
            return r.Done.Task;
        }
    }

    private void StartSpeaking(TimeSpan duration)
    {
        lock (_gate)
        {
            if (_ended.IsCancellationRequested) return;
            var now = _clock.GetUtcNow();
            Add(new SimulatedEvent(SimulatedEventKind.Speak, _clock.Elapsed, "") { Duration = duration });
            _speech.Add((now, now + duration));
            if (_record is { } r) ArmSilenceLocked(r);
        }
    }

    /// <summary>Silence starts when the last voice heard so far ends (or when recording starts).</summary>
    private void ArmSilenceLocked(PendingRecord r)
    {
        var now = _clock.GetUtcNow();
        var silentFrom = r.StartedAt;
        foreach (var (start, end) in _speech)
        {
            if (start <= now && end > silentFrom) silentFrom = end;
        }

        r.SilenceTimer?.Dispose();
        r.SilenceTimer = _clock.Schedule(silentFrom + r.Options.SilenceTimeout, () =>
        {
            lock (_gate) FinishRecordLocked(r, RecordTermination.Silence);
        });
    }

    private void FinishRecordLocked(PendingRecord r, RecordTermination why)
    {
        if (_record != r) return;
        _record = null;
        r.MaxTimer?.Dispose();
        r.SilenceTimer?.Dispose();
        var now = _clock.GetUtcNow();
        r.Event.Duration = now - r.StartedAt;
        r.Event.Detail = why switch
        {
            RecordTermination.Terminator => "a key",
            RecordTermination.Silence => "silence",
            RecordTermination.MaxDuration => "the maximum duration",
            _ => "hangup",
        };
        short[] samples = why == RecordTermination.Hangup ? [] : Render(r.StartedAt, now);
        r.Done.TrySetResult(new RecordResult(samples, why));
    }

    /// <summary>The caller's audio between two times: a tone while speaking, silence otherwise.</summary>
    private short[] Render(DateTimeOffset from, DateTimeOffset to)
    {
        var samples = new short[ToSamples(to - from)];
        foreach (var (start, end) in _speech)
        {
            int a = Math.Max(0, ToSamples(start - from));
            int b = Math.Min(samples.Length, ToSamples(end - from));
            for (int i = a; i < b; i++)
                samples[i] = (short)(VoiceAmplitude * Math.Sin(2 * Math.PI * VoiceFrequency * i / AudioClip.SampleRate));
        }

        return samples;
    }

    private static int ToSamples(TimeSpan t) => (int)Math.Clamp(t.Ticks * AudioClip.SampleRate / TimeSpan.TicksPerSecond, int.MinValue, int.MaxValue);

    private sealed class PendingRecord(RecordOptions options, SimulatedEvent ev, DateTimeOffset startedAt)
    {
        public RecordOptions Options { get; } = options;
        public SimulatedEvent Event { get; } = ev;
        public DateTimeOffset StartedAt { get; } = startedAt;
        public IDisposable? MaxTimer { get; set; }
        public IDisposable? SilenceTimer { get; set; }
        public TaskCompletionSource<RecordResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
