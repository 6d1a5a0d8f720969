namespace VikaIvr.Speech.Prompts;

/// <summary>Judges one prompt's audio against the check limits.</summary>
public static class PromptChecker
{
    public static IEnumerable<PromptProblem> Check(PromptInfo info, PromptCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(options);
        var id = info.Id;
        if (info.Status == PromptStatus.Missing)
        {
            yield return new PromptProblem(id, PromptProblemKind.Missing, $"no audio file ({info.AudioPath})");
            yield break;
        }

        if (info.Levels is not { } levels)
        {
            yield return new PromptProblem(id, PromptProblemKind.Unreadable, $"cannot be read: {info.Error}");
            yield break;
        }

        if (levels.IsSilent || levels.PeakDbfs < options.SilentPeakDbfs || levels.Duration == TimeSpan.Zero)
        {
            yield return new PromptProblem(id, PromptProblemKind.Silent,
                double.IsFinite(levels.PeakDbfs) ? $"silent (peak {levels.PeakDbfs:0.0} dBFS)" : "silent (digital silence)");
            yield break;
        }

        if (levels.ClippedRatio > options.MaxClippedRatio)
            yield return new PromptProblem(id, PromptProblemKind.Clipped,
                $"clipped ({levels.ClippedRatio:P2} of samples at full scale)");
        if (levels.ActiveLevelDbfs < options.MinLevelDbfs)
            yield return new PromptProblem(id, PromptProblemKind.TooQuiet,
                $"too quiet ({levels.ActiveLevelDbfs:0.0} dBFS speech level, at least {options.MinLevelDbfs:0} expected)");
        if (levels.ActiveLevelDbfs > options.MaxLevelDbfs)
            yield return new PromptProblem(id, PromptProblemKind.TooLoud,
                $"too loud ({levels.ActiveLevelDbfs:0.0} dBFS speech level, at most {options.MaxLevelDbfs:0} expected)");
        if (levels.Duration > options.MaxDuration)
            yield return new PromptProblem(id, PromptProblemKind.TooLong,
                $"too long ({levels.Duration.TotalSeconds:0.0} s, at most {options.MaxDuration.TotalSeconds:0} s expected)");
    }
}
