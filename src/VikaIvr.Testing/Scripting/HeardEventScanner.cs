namespace VikaIvr.Testing.Scripting;

/// <summary>
/// Splits the received stream into what the caller heard, one event at a time from a cursor:
/// a known prompt (matched sample for sample) or a stretch of other audio (synthesized speech,
/// ended by a long silence or by the next prompt). Silence and comfort silence are skipped.
/// </summary>
public sealed class HeardEventScanner(PromptAudioIndex prompts)
{
    /// <summary>Silence that ends a speech segment (consecutive sentences count as one utterance).</summary>
    public int SpeechEndSilence { get; init; } = 8000 * 12 / 10;

    /// <summary>
    /// Where the packet holding a sample starts (the received stream's packet boundaries), or null
    /// when unknown. A server stops a prompt between two packets, but the first sample that differs
    /// from the prompt can lie a few samples later when what follows happens to begin with the same
    /// values (G.711 has 256 of them); the cut is then put back on the boundary, so what follows is
    /// found from its real first sample.
    /// </summary>
    public Func<int, int>? PacketStartOf { get; init; }

    /// <summary>
    /// The next complete event at or after <paramref name="cursor"/>, or null when none is complete
    /// yet (<paramref name="started"/> tells whether one has begun). <paramref name="final"/>: no more
    /// audio will arrive, so an event running to the end of the stream is complete.
    /// </summary>
    public HeardEvent? Next(ReadOnlySpan<short> stream, int cursor, bool final, out bool started) =>
        Next(stream, cursor, final, inProgress: false, out started);

    /// <summary>As above; with <paramref name="inProgress"/> a prompt whose beginning matched is returned
    /// while still playing (<see cref="HeardEvent.InProgress"/>), so the caller can press keys over it.</summary>
    public HeardEvent? Next(ReadOnlySpan<short> stream, int cursor, bool final, bool inProgress, out bool started)
    {
        started = false;
        int p = PromptAudioIndex.FirstAudible(stream, cursor);
        if (p < 0) return null;
        started = true;
        switch (prompts.Match(stream, p, final, out var match))
        {
            case PromptMatchResult.Matched:
                return new HeardEvent(HeardEventKind.Prompt, match.PromptId, match.Start, CutEnd(match, stream.Length), match.Cut);
            case PromptMatchResult.Recognised:
                return inProgress ? new HeardEvent(HeardEventKind.Prompt, match.PromptId, match.Start, match.End, false) { InProgress = true } : null;
            case PromptMatchResult.NeedMore:
                return null;
        }

        int lastAudible = p;
        for (int q = p + 1; q < stream.Length; q++)
        {
            if (Math.Abs((int)stream[q]) <= PromptAudioIndex.SilenceLevel)
            {
                if (q - lastAudible >= SpeechEndSilence) return Speech(p, lastAudible);
                continue;
            }

            if (Math.Abs((int)stream[q - 1]) <= PromptAudioIndex.SilenceLevel)
            {
                var next = prompts.Match(stream, q, final, out _);
                if (next is PromptMatchResult.Matched or PromptMatchResult.Recognised) return Speech(p, lastAudible);
                if (next == PromptMatchResult.NeedMore) return null;
            }
            else if (prompts.Match(stream, q, final, out _) is PromptMatchResult.Matched or PromptMatchResult.Recognised)
            {
                // A prompt that starts loud (no leading silence) right after other audio, e.g. a menu
                // after a recording played back: it is found by its samples, without a silence before it.
                return Speech(p, q - 1);
            }

            lastAudible = q;
        }

        return final ? Speech(p, lastAudible) : null;
    }

    /// <summary>A prompt cut before the stream's end ends at the packet boundary at or before its first differing sample.</summary>
    private int CutEnd(PromptMatch match, int streamLength)
    {
        if (!match.Cut || match.End >= streamLength || PacketStartOf is not { } packetStartOf) return match.End;
        int boundary = packetStartOf(match.End);
        return boundary > match.Start && boundary <= match.End ? boundary : match.End;
    }

    private static HeardEvent Speech(int start, int lastAudible) => new(HeardEventKind.Speech, null, start, lastAudible + 1, false);
}
