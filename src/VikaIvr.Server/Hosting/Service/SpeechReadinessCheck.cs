using VikaIvr.Flows.Ports;
using VikaIvr.Server.Hosting.Serve;

namespace VikaIvr.Server.Hosting.Service;

/// <summary>
/// The speech engine still synthesizes: its own start-up check (espeak-ng says "ya"; Azure
/// answers), run at most every <see cref="Every"/> — a process or an HTTPS request per probe
/// would cost more than the probe is worth — with the last answer kept in between.
/// </summary>
public sealed class SpeechReadinessCheck(CallFlowsService flows, TimeProvider time) : IReadinessCheck
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    private long _checkedAt;
    private string? _problem;

    public string Name => "speech";

    public async Task<string?> ProblemAsync(CancellationToken ct)
    {
        if (_checkedAt != 0 && time.GetElapsedTime(_checkedAt) < Every)
        {
            return _problem;
        }

        try
        {
            await flows.Engine.EnsureAvailableAsync(ct).ConfigureAwait(false);
            _problem = null;
        }
        catch (SpeechException ex)
        {
            _problem = $"{flows.Engine.Name}: {ex.Message}";
        }

        _checkedAt = time.GetTimestamp();
        return _problem;
    }
}
